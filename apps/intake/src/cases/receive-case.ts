import type { EntityManager } from '@mikro-orm/postgresql';
import { Actor, CHANNELS, createEvent, digest, EventEnvelope, knownOf, REQUEST_TYPES, URGENCIES } from '@hotline/contracts';
import { insertStatementOf, insertWithEvents, parseInput } from '@hotline/service-kit';
import { z } from 'zod';
import { classifyByRules, IntakeRules } from '../classification/rules';
import { receiptSignals } from '../repeats/repeat-counts';
import { cachedIntakeRules } from '../settings/intake-settings';
import { Case, searchTextOf } from './case.entity';
import { callerKeyOf } from '../key-persons/caller-key';

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}最多 ${max} 个字`)
    .nullish()
    .transform((v) => (v ? v : null));

/** A work order as it arrives (from the district platform, an import row, Open311 or by hand). */
export const ReceiveCaseCommand = z
  .object({
    externalNo: z.string().trim().min(1, '请填写工单编号').max(64, '工单编号最多 64 个字符'),
    channel: z.enum(CHANNELS).default('district'),
    receivedAt: z.coerce.date('受理时间格式不正确').optional(),
    /** 派单时间 at the district platform. */
    districtDispatchedAt: z.coerce.date('派单时间格式不正确').nullish(),
    anonymous: z.boolean().default(false),
    confidential: z.boolean().default(false),
    citizenName: z.string().trim().max(50, '来电人姓名最多 50 个字').default(''),
    citizenPhone: z
      .string()
      .trim()
      .default('')
      .refine((v) => v === '' || /^[0-9+\- ]{5,20}$/.test(v), '联系电话格式不正确'),
    address: optionalText(300, '地址'),
    street: optionalText(50, '街道'),
    community: optionalText(50, '社区'),
    projectName: optionalText(100, '楼盘/小区'),
    latitude: z.number('纬度格式不正确').min(-90, '纬度超出范围').max(90, '纬度超出范围').nullish(),
    longitude: z.number('经度格式不正确').min(-180, '经度超出范围').max(180, '经度超出范围').nullish(),
    title: z.string().trim().min(1, '请填写标题').max(200, '标题最多 200 个字'),
    content: z.string().trim().min(1, '请填写诉求内容').max(5000, '诉求内容最多 5000 个字'),
    attachments: z
      .array(
        z.object({
          name: z.string().trim().min(1, '请填写附件名称').max(200),
          url: z.url({ protocol: /^https?$/, error: '附件地址须为 http(s) 链接' }),
          contentType: z.string().max(100).optional(),
        }),
      )
      .max(20, '附件最多 20 个')
      .default([]),
    requestType: z.enum(REQUEST_TYPES, '诉求类型无效'),
    topic: z.string().trim().min(1, '请填写主题').max(50),
    urgency: z.enum(URGENCIES, '紧急程度无效').default('normal'),
    deadlineAt: z.coerce.date('办理时限格式不正确').nullish(),
    /** 办结时间 of a historical order in an export: it arrives completed, not in 待签收. */
    completedAt: z.coerce.date('办结时间格式不正确').nullish(),
  })
  .superRefine((c, ctx) => {
    const soon = Date.now() + 5 * 60_000;
    if (c.receivedAt && c.receivedAt.getTime() > soon) ctx.addIssue({ code: 'custom', path: ['receivedAt'], message: '受理时间不能晚于当前时间' });
    if (c.completedAt && (c.completedAt.getTime() > soon || (c.receivedAt && c.completedAt < c.receivedAt))) {
      ctx.addIssue({ code: 'custom', path: ['completedAt'], message: '办结时间须在受理时间之后、当前时间之前' });
    }
    // A named citizen needs a name and a way back; an anonymous one may leave both out.
    if (!c.anonymous && !c.citizenName) ctx.addIssue({ code: 'custom', path: ['citizenName'], message: '请填写来电人姓名（匿名件请勾选匿名）' });
    if (!c.anonymous && !c.citizenPhone) ctx.addIssue({ code: 'custom', path: ['citizenPhone'], message: '联系电话格式不正确' });
  });
export type ReceiveCaseCommand = z.infer<typeof ReceiveCaseCommand>;

/** Builds the case's fields from a valid command, classified by the rules with its repeat signals. */
export function caseFields(cmd: ReceiveCaseCommand, rules: IntakeRules, signals: { repeatCount: number; clusterCount: number }) {
  const { tier, urgency } = classifyByRules(cmd, rules, signals);
  return {
    ...cmd,
    citizenName: cmd.anonymous && !cmd.citizenName ? '' : cmd.citizenName,
    receivedAt: cmd.receivedAt ?? new Date(),
    districtDispatchedAt: cmd.districtDispatchedAt ?? null,
    latitude: cmd.latitude ?? null,
    longitude: cmd.longitude ?? null,
    deadlineAt: cmd.deadlineAt ?? null,
    completedAt: cmd.completedAt ?? null,
    ...(cmd.completedAt ? { stage: 'completed' as const } : {}),
    tier,
    urgency,
    searchText: searchTextOf(cmd),
    callerKey: callerKeyOf(cmd.citizenPhone),
    repeatCount: signals.repeatCount,
    clusterCount: signals.clusterCount,
  };
}

/** What a confidential case (保密件) puts in events instead of its citizen's words. */
export const CONFIDENTIAL_TITLE = '（保密件）';

/**
 * The `hotline.case.received` event of a case: no name, phone or address; the title and content
 * redacted (the case's own values too) and cut; a confidential case carries none of its text.
 */
export function receivedEvent(c: Case, actor: Actor): EventEnvelope {
  const known = knownOf(c);
  return createEvent({
    type: 'hotline.case.received',
    source: 'intake',
    actor,
    caseId: c.id,
    data: {
      externalNo: c.externalNo,
      channel: c.channel,
      receivedAt: c.receivedAt.toISOString(),
      requestType: c.requestType,
      topic: c.topic,
      urgency: c.urgency,
      tier: c.tier,
      title: c.confidential ? CONFIDENTIAL_TITLE : digest(c.title, 60, known),
      ...(c.projectName ? { projectName: c.projectName } : {}),
      ...(c.street ? { street: c.street } : {}),
      ...(c.community ? { community: c.community } : {}),
      ...(c.deadlineAt ? { deadlineAt: c.deadlineAt.toISOString() } : {}),
      ...(c.districtDispatchedAt ? { districtDispatchedAt: c.districtDispatchedAt.toISOString() } : {}),
      ...(c.confidential ? { confidential: true } : {}),
      ...(c.anonymous ? { anonymous: true } : {}),
      repeatCount: c.repeatCount,
      ...(c.completedAt && c.stage === 'completed' ? { completedAt: c.completedAt.toISOString() } : {}),
      contentDigest: c.confidential ? '' : digest(c.content, 60, known),
      ...(c.callerKey ? { callerKey: c.callerKey } : {}),
    },
  });
}

/**
 * 接收工单. Idempotent on the external number: the same order received twice is one case (the
 * second call returns the first and publishes nothing). Classified on receipt by the rules in
 * force, with the repeat counts of the window.
 *
 * Two statements for a new number, the common case: the repeat signals, then the case and its
 * `hotline.case.received` in one `insert … on conflict (external_no) do nothing` that writes the
 * outbox row only when the case went in (`insertWithEvents`: one statement is atomic, so no
 * transaction is opened around it). When it inserted nothing — the number was taken, or a
 * concurrent receipt of the same order committed first (PostgreSQL waits for it) — the existing
 * case is read and returned; nothing is written then, no event either.
 */
export async function receiveCase(em: EntityManager, actor: Actor, input: unknown): Promise<{ case: Case; created: boolean }> {
  const cmd = parseInput(ReceiveCaseCommand, input);
  const rules = await cachedIntakeRules(em);
  const receivedAt = cmd.receivedAt ?? new Date();
  const signals = await receiptSignals(em, { ...cmd, receivedAt, callerKey: callerKeyOf(cmd.citizenPhone) }, rules);
  const c = em.create(Case, { ...caseFields({ ...cmd, receivedAt }, rules, signals), keyPerson: signals.keyPerson }, { persist: false });
  // The columns and values a flush would write (the entity's snapshot, in database form).
  const insert = insertStatementOf(em, c, { ignoreConflictOn: ['externalNo'], returning: ['id'] });
  const added = await insertWithEvents(em, insert, [receivedEvent(c, actor)]);
  if (!added.length) return { case: await em.findOneOrFail(Case, { externalNo: c.externalNo }), created: false };
  em.merge(c); // managed from here, as after a flush
  return { case: c, created: true };
}
