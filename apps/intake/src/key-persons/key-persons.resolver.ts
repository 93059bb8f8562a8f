import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Authorized, pageRequest, requireUser, ServiceContext, UserRef } from '@hotline/service-kit';
import { Case } from '../cases/case.entity';
import { KeyPerson, KeyPersonAudit } from './key-person.entity';
import { flagKeyPerson, unflagKeyPerson } from './key-persons';

/** Who may see that a case's caller is a key person (not the departments). */
const SEES_KEY_PERSONS = new Set(['supervisor', 'duty', 'admin', 'leader']);

@ObjectType('KeyPersonAuditEntry', { description: '重点人标记记录' })
class KeyPersonAuditNode {
  @Field(() => String, { description: 'flag 标记 | unflag 取消' }) action!: string;
  @Field(() => String) reason!: string;
  @Field(() => UserRef) by!: UserRef;
  @Field(() => Date) at!: Date;
}

@ObjectType('KeyPerson', { description: '重点人（按来电号码的加密摘要识别，不保存号码）' })
class KeyPersonNode {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: '号码（脱敏）' }) phoneMasked!: string;
  @Field(() => String) reason!: string;
  @Field(() => Boolean) active!: boolean;
  @Field(() => Date) flaggedAt!: Date;
  @Field(() => UserRef) flaggedBy!: UserRef;
  @Field(() => Date, { nullable: true }) unflaggedAt!: Date | null;
  @Field(() => [KeyPersonAuditNode], { description: '标记与取消记录' }) history!: KeyPersonAuditNode[];
}

@ObjectType('KeyPersonPage')
class KeyPersonPage {
  @Field(() => Int) total!: number;
  @Field(() => Int) offset!: number;
  @Field(() => Int) limit!: number;
  @Field(() => [KeyPersonNode]) items!: KeyPersonNode[];
}

@InputType('KeyPersonInput', { description: '按来电号码标记或取消重点人' })
class KeyPersonInput {
  @Field(() => String, { description: '来电号码（只用于计算摘要，不保存）' }) phone!: string;
  @Field(() => String, { description: '原因' }) reason!: string;
}

async function nodes(ctx: ServiceContext, rows: KeyPerson[]): Promise<KeyPersonNode[]> {
  const audits = rows.length ? await ctx.em.find(KeyPersonAudit, { keyPersonId: { $in: rows.map((r) => r.id) } }, { orderBy: { at: 'desc' } }) : [];
  return rows.map((p) => ({
    id: p.id,
    phoneMasked: p.phoneMasked,
    reason: p.reason,
    active: p.active,
    flaggedAt: p.flaggedAt,
    flaggedBy: { id: p.flaggedBy },
    unflaggedAt: p.unflaggedAt ?? null,
    history: audits.filter((a) => a.keyPersonId === p.id).map((a) => ({ action: a.action, reason: a.reason, by: { id: a.actorUserId }, at: a.at })),
  }));
}

@Resolver(() => Case)
export class KeyPersonsResolver {
  @FieldResolver(() => Boolean, { nullable: true, description: '来电人是重点人（受理时标记；科室不可见，为空）' })
  keyPerson(@Root() c: Case, @Ctx() ctx: ServiceContext): boolean | null {
    return ctx.user && SEES_KEY_PERSONS.has(ctx.user.role) ? c.keyPerson : null;
  }

  @Authorized(['supervisor', 'admin'])
  @Query(() => KeyPersonPage, { description: '重点人列表，分页，最近标记的在前' })
  async keyPersons(
    @Arg('active', () => Boolean, { nullable: true, description: '只看当前（true）或已取消（false）的' }) active: boolean | null,
    @Arg('offset', () => Int, { nullable: true }) offset: number | null,
    @Arg('limit', () => Int, { nullable: true }) limit: number | null,
    @Ctx() ctx: ServiceContext,
  ): Promise<KeyPersonPage> {
    const page = pageRequest(offset, limit);
    const [rows, total] = await ctx.em.findAndCount(KeyPerson, active == null ? {} : { active }, {
      orderBy: { flaggedAt: 'desc', id: 'asc' },
      offset: page.offset,
      limit: page.limit,
    });
    return { ...page, total, items: await nodes(ctx, rows) };
  }

  @Authorized(['supervisor'])
  @Mutation(() => KeyPersonNode, { description: '标记重点人（按来电号码；其下一件工单受理时即标注）' })
  async flagKeyPerson(@Arg('input', () => KeyPersonInput) input: KeyPersonInput, @Ctx() ctx: ServiceContext): Promise<KeyPersonNode> {
    return (await nodes(ctx, [await flagKeyPerson(ctx.em, requireUser(ctx), { ...input })]))[0];
  }

  @Authorized(['supervisor'])
  @Mutation(() => KeyPersonNode, { description: '取消重点人标记' })
  async unflagKeyPerson(@Arg('input', () => KeyPersonInput) input: KeyPersonInput, @Ctx() ctx: ServiceContext): Promise<KeyPersonNode> {
    return (await nodes(ctx, [await unflagKeyPerson(ctx.em, requireUser(ctx), { ...input })]))[0];
  }
}
