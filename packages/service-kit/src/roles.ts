import { Role, ROLES, SERVICE_SCOPES, ServiceScope } from '@hotline/contracts';
import { Authorized as TypeGraphQLAuthorized } from 'type-graphql';

/**
 * What `@Authorized([...])` accepts: a person's role (`duty`, `handler`, …; the list is
 * `ROLES` in packages/contracts) or a service token's scope (`scope:dispatch.reply:read`, built
 * with `scopeRule`). A misspelt entry does not compile (test/typed-roles.check.ts).
 */
export type AccessRule = Role | `scope:${ServiceScope}`;

/** Every rule there is, for code that checks strings at run time. */
export const ACCESS_RULES: readonly AccessRule[] = [...ROLES, ...(Object.keys(SERVICE_SCOPES) as ServiceScope[]).map((s) => `scope:${s}` as const)];

/**
 * type-graphql's `@Authorized`, typed by our roles: `@Authorized()` = any signed-in person,
 * `@Authorized(['duty', 'supervisor'])` = those roles (the kit's `authChecker` decides).
 */
export function Authorized(): ReturnType<typeof TypeGraphQLAuthorized>;
export function Authorized(rules: readonly AccessRule[]): ReturnType<typeof TypeGraphQLAuthorized>;
export function Authorized(rules?: readonly AccessRule[]): ReturnType<typeof TypeGraphQLAuthorized> {
  return rules === undefined ? TypeGraphQLAuthorized() : TypeGraphQLAuthorized<AccessRule>(rules);
}
