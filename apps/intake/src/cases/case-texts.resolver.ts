import { Arg, Ctx, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { INTAKE_ERRORS, knownOf, redactText, scopeRule } from '@hotline/contracts';
import { Authorized, codedError, ServiceContext } from '@hotline/service-kit';
import { Topic } from '../topics/topic.entity';
import { Case } from './case.entity';

const MAX_IDS = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * 工单全文（分转建议用） — a case's whole title and content with personal data masked, and its
 * topic as a taxonomy code, for dispatch's routing model (events carry only a 60-character
 * digest). Internal: @inaccessible keeps it out of the gateway's API, and only a service token
 * with `intake.case-text:read` may read it.
 */
@Directive('@inaccessible')
@ObjectType('CaseText', { description: '工单全文（内部：分转建议用，已脱敏）' })
export class CaseText {
  @Field(() => ID) caseId!: string;
  @Field(() => String, { description: '标题（已脱敏）' }) title!: string;
  @Field(() => String, { description: '诉求内容全文（已脱敏）' }) content!: string;
  @Field(() => String, { description: '主题名称' }) topic!: string;
  @Field(() => String, { nullable: true, description: '主题编码（主题分类中没有此主题时为空）' }) topicCode!: string | null;
}

/**
 * Masks what a citizen typed about themselves with the platform's one redaction function: the
 * case's own name (and 先生/女士 forms), phones and address where the text repeats them, then
 * phone, landline and ID numbers and introduced names / door numbers by pattern.
 */
export function maskCaseText(c: Pick<Case, 'citizenName' | 'citizenPhone' | 'address'>, text: string): string {
  return redactText(text, knownOf(c));
}

@Resolver()
export class CaseTextResolver {
  @Authorized([scopeRule('intake.case-text:read')])
  @Directive('@inaccessible')
  @Query(() => [CaseText], { description: '工单全文（已脱敏；仅内部服务调用）' })
  async caseTexts(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: ServiceContext): Promise<CaseText[]> {
    if (ids.length > MAX_IDS) throw codedError(INTAKE_ERRORS.TOO_MANY_IDS, { max: MAX_IDS });
    if (!ids.every((id) => UUID.test(id))) throw codedError(INTAKE_ERRORS.INVALID_ID);
    if (ids.length === 0) return [];
    const [cases, topics] = await Promise.all([ctx.em.find(Case, { id: { $in: ids } }), ctx.em.find(Topic, {})]);
    const codeOf = new Map<string, string>();
    for (const t of topics) {
      codeOf.set(t.code, t.code); // a case may carry the code itself (imports, older clients)
      codeOf.set(t.name, t.code);
    }
    return cases.map((c) => ({
      caseId: c.id,
      title: maskCaseText(c, c.title),
      content: maskCaseText(c, c.content),
      topic: c.topic,
      topicCode: codeOf.get(c.topic.trim()) ?? null,
    }));
  }
}
