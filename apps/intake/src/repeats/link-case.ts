import type { EntityManager } from '@mikro-orm/postgresql';
import { ANSWERED_STAGES, CASE_STAGE_LABELS, createEvent, INTAKE_ERRORS, LINK_KINDS } from '@hotline/contracts';
import { actorOf, AuthUser, codedError, parseInput, recordEvent } from '@hotline/service-kit';
import { z } from 'zod';
import { CaseAudit } from '../audit/case-audit.entity';
import { Case } from '../cases/case.entity';
import { findCaseForUser } from '../cases/case-queries';
import { recordClassification } from '../classification/reclassify';
import { classifyByRules, IntakeRules } from '../classification/rules';
import { loadIntakeRules } from '../settings/intake-settings';
import { matchRepeat, RepeatMatch } from './similarity';

export interface RepeatCandidate {
  case: Case;
  score: number;
  reasons: string[];
}

interface CandidateRow {
  id: string;
  citizen_phone: string;
  address: string | null;
  project_name: string | null;
  topic: string;
  title: string;
  content: string;
  received_at: Date | string;
}

/**
 * 疑似重复件: earlier cases within the window that share the phone, the address or project and
 * topic, or whose text is similar (same topic) — best first, with their stage and outcome. The
 * pool (up to 500 by key and the 500 latest of the topic) is read as plain rows holding only what
 * the score needs; only the `limit` best are loaded as cases.
 */
export async function repeatCandidates(em: EntityManager, c: Case, rules: IntakeRules, limit = 10): Promise<RepeatCandidate[]> {
  const since = new Date(c.receivedAt.getTime() - rules.repeatWindowDays * 86_400_000);
  const cols = 'id, citizen_phone, address, project_name, topic, title, content, received_at';
  const window = 'received_at >= ? and received_at < ? and id <> ?';
  const rows = await em.execute<CandidateRow[]>(
    `(select ${cols} from intake_case where ${window}
        and (citizen_phone = ? or (topic = ? and address = ?) or (topic = ? and project_name = ?)) limit 500)
     union
     (select ${cols} from intake_case where ${window} and topic = ? order by received_at desc limit 500)`,
    [since, c.receivedAt, c.id, c.citizenPhone || null, c.topic, c.address || null, c.topic, c.projectName || null, since, c.receivedAt, c.id, c.topic],
  );
  const scored: Array<{ id: string; at: number } & RepeatMatch> = [];
  for (const r of rows) {
    const m = matchRepeat(
      c,
      { citizenPhone: r.citizen_phone, address: r.address, projectName: r.project_name, topic: r.topic, title: r.title, content: r.content },
      rules.textSimilarityThreshold,
    );
    if (m) scored.push({ id: r.id, at: new Date(r.received_at).getTime(), ...m });
  }
  const best = scored.sort((a, b) => b.score - a.score || b.at - a.at).slice(0, limit);
  const cases = new Map((best.length ? await em.find(Case, { id: { $in: best.map((b) => b.id) } }) : []).map((x) => [x.id, x]));
  return best.filter((b) => cases.has(b.id)).map((b) => ({ case: cases.get(b.id)!, score: b.score, reasons: b.reasons }));
}

export const LinkCommand = z.object({
  caseId: z.string().min(1),
  masterCaseId: z.string().min(1),
  kind: z.enum(LINK_KINDS, '关联方式无效'),
  reason: z.string().trim().max(200).optional(),
});

/**
 * 关联为重复件 / 并单: ties a case to a master case. A merged case's reply is the master's, sent
 * to every linked citizen. Links form one level (a link to a linked case goes to its master);
 * the master's repeat count rises and its tier follows the rules.
 */
export async function linkCase(em: EntityManager, user: AuthUser, input: unknown): Promise<Case> {
  const cmd = parseInput(LinkCommand, input);
  const rules = await loadIntakeRules(em);
  return em.transactional(async (tx) => {
    const c = await findCaseForUser(tx, user, cmd.caseId);
    let master = await findCaseForUser(tx, user, cmd.masterCaseId);
    if (master.masterCaseId) master = await findCaseForUser(tx, user, master.masterCaseId);
    if (master.id === c.id) throw codedError(INTAKE_ERRORS.LINK_TO_SELF);
    if (c.masterCaseId) throw codedError(INTAKE_ERRORS.ALREADY_LINKED, { externalNo: c.externalNo });
    if ((await tx.count(Case, { masterCaseId: c.id })) > 0) throw codedError(INTAKE_ERRORS.IS_MASTER, { externalNo: c.externalNo });
    // 并单 hands the case's outcome to the master: one already answered keeps its own.
    if (cmd.kind === 'merge' && (c.stage === 'replied' || ANSWERED_STAGES.includes(c.stage))) {
      throw codedError(INTAKE_ERRORS.ALREADY_ANSWERED, { externalNo: c.externalNo, stage: CASE_STAGE_LABELS[c.stage] });
    }
    // A master already answered has sent its reply: a case merged now would never be answered.
    if (cmd.kind === 'merge' && ANSWERED_STAGES.includes(master.stage)) {
      throw codedError(INTAKE_ERRORS.MASTER_ANSWERED, { externalNo: master.externalNo });
    }
    const match = matchRepeat(c, master, 0);
    const score = match?.score ?? 0;
    c.masterCaseId = master.id;
    c.linkKind = cmd.kind;
    c.linkScore = score;
    const before = { requestType: master.requestType, topic: master.topic, tier: master.tier, urgency: master.urgency };
    master.repeatCount += 1;
    const { tier, ruleIds } = classifyByRules(master, rules, { repeatCount: master.repeatCount, clusterCount: master.clusterCount });
    const reasons = match?.reasons ?? ['值守员人工关联'];
    tx.create(CaseAudit, {
      caseId: c.id,
      kind: 'linked',
      before: null,
      after: { masterCaseId: master.id, kind: cmd.kind, score, reasons },
      reason: cmd.reason ?? (cmd.kind === 'merge' ? '并单' : '重复件'),
      actorUserId: user.id,
      actor: user.role,
      at: new Date(),
    });
    await tx.flush();
    await recordEvent(
      tx,
      createEvent({
        type: 'hotline.case.linked',
        source: 'intake',
        actor: actorOf(user),
        caseId: c.id,
        data: {
          externalNo: c.externalNo,
          masterCaseId: master.id,
          masterExternalNo: master.externalNo,
          kind: cmd.kind,
          score,
          reasons,
          repeatCount: master.repeatCount,
        },
      }),
    );
    // Repeat counts feed the tier: a master that becomes difficult says so, with the rule.
    if (tier !== master.tier && tier === 'difficult') {
      master.tier = tier;
      await recordClassification(tx, master, before, { system: 'intake-rules' }, `重复诉求 ${master.repeatCount} 次，按规则调整分级`, true, ruleIds);
    }
    return c;
  });
}
