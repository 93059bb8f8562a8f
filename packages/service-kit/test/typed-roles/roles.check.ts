/**
 * Compiled (never run) by test/typed-roles.test.ts and by the package's typecheck: each
 * `@ts-expect-error` below must meet an error, or tsc reports the directive as unused.
 */
import { Query, Resolver } from 'type-graphql';
import { scopeRule } from '@hotline/contracts';
import { AccessRule, Authorized } from '../../src';

@Resolver()
export class TypedRolesCheck {
  @Authorized()
  @Query(() => String)
  anyone(): string {
    return 'ok';
  }

  @Authorized(['duty', 'supervisor', 'leader'])
  @Query(() => String)
  roles(): string {
    return 'ok';
  }

  @Authorized([scopeRule('dispatch.reply:read')])
  @Query(() => String)
  scope(): string {
    return 'ok';
  }

  // @ts-expect-error a misspelt role does not compile
  @Authorized(['dutty'])
  @Query(() => String)
  misspelt(): string {
    return 'no';
  }

  // @ts-expect-error a scope nobody defined does not compile either
  @Authorized(['scope:dispatch.reply:write'])
  @Query(() => String)
  unknownScope(): string {
    return 'no';
  }
}

// @ts-expect-error a list of plain strings is not a list of roles
export const loose: AccessRule[] = ['duty', 'supervisor'] as string[];
