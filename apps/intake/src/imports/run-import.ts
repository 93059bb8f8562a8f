import { createHash } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Actor, createEvent, digest, EventData } from '@hotline/contracts';
import type { Logger } from '@hotline/service-kit';
import { readSheet, recordEvents } from '@hotline/service-kit';
import { linkAttachments, withUploadedAttachments } from '../attachments/attachments';
import { CaseAudit } from '../audit/case-audit.entity';
import { Case, searchTextOf } from '../cases/case.entity';
import { caseFields, ReceiveCaseCommand, receivedEvent } from '../cases/receive-case';
import { keyPersonKeys } from '../key-persons/key-persons';
import type { RepeatSubject } from '../repeats/similarity';
import { loadIntakeRules } from '../settings/intake-settings';
import type { ImportField } from '@hotline/contracts';
import { columnOfField, resolveColumns, RowProblem, rowToInput } from './column-mapping';

export type { RowProblem };
import { ImportJob } from './import-job.entity';

/** Fields a later import of the same order may change (classification and stage stay the bureau's). */
const UPDATABLE = [
  'receivedAt',
  'districtDispatchedAt',
  'anonymous',
  'confidential',
  'citizenName',
  'citizenPhone',
  'address',
  'street',
  'community',
  'projectName',
  'latitude',
  'longitude',
  'title',
  'content',
  'attachments',
  'requestType',
  'topic',
  'deadlineAt',
] as const;

/**
 * The new values a `hotline.case.updated` carries for other services (dispatch's projection):
 * only what `hotline.case.received` carries — no name, phone or address; text as digests.
 */
export function publicChanges(c: Case, changed: readonly string[]): NonNullable<EventData<'hotline.case.updated'>['after']> {
  const after: NonNullable<EventData<'hotline.case.updated'>['after']> = {};
  for (const f of changed) {
    if (f === 'requestType') after.requestType = c.requestType;
    if (f === 'topic') after.topic = c.topic;
    if (f === 'title') after.title = digest(c.title, 60);
    if (f === 'content') after.contentDigest = digest(c.content);
    if (f === 'projectName') after.projectName = c.projectName ?? null;
    if (f === 'street') after.street = c.street ?? null;
    if (f === 'community') after.community = c.community ?? null;
    if (f === 'deadlineAt') after.deadlineAt = c.deadlineAt?.toISOString() ?? null;
    if (f === 'receivedAt') after.receivedAt = c.receivedAt.toISOString();
  }
  return after;
}

const MAX_STORED_PROBLEMS = 5000;
const PROGRESS_EVERY = 500;
const DAY = 86_400_000;

const canonical = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v === undefined ? null : v);
/** The row's fingerprint: the same row imported again has the same hash and changes nothing. */
export const rowHash = (cmd: ReceiveCaseCommand) =>
  createHash('sha256')
    .update(
      JSON.stringify(
        Object.keys(cmd)
          .sort()
          .map((k) => [k, canonical((cmd as Record<string, unknown>)[k])]),
      ),
    )
    .digest('hex');

const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a ?? null)) === JSON.stringify(canonical(b ?? null));

/**
 * Runs one import job: read the file, validate every row (all problems, each with row, column and
 * reason), then — only when every row is valid — create new orders and update changed ones in ONE
 * transaction, with their events and audit records. Nothing is half-imported. Progress is written
 * to the job row (outside the transaction) so the client can poll it.
 */
export async function runImport(
  orm: MikroORM,
  jobId: string,
  data: Buffer,
  opts: { actor: Actor; mapping?: Record<string, string>; log: Logger },
): Promise<void> {
  const t0 = Date.now();
  const progress = (fields: Partial<ImportJob>) => orm.em.fork().nativeUpdate(ImportJob, { id: jobId }, fields);
  try {
    const job = (await orm.em.fork().findOne(ImportJob, { id: jobId }))!;
    await progress({ status: 'validating' });
    const sheet = await readSheet(data, job.format as 'xlsx' | 'csv');
    const { columns, problems } = resolveColumns(sheet.headers, opts.mapping as Partial<Record<ImportField, string>>);
    await progress({ totalRows: sheet.rows.length });
    if (!sheet.rows.length && !problems.length) problems.push({ row: 1, column: '', reason: '文件中没有数据行' });

    const commands: Array<{ row: number; cmd: ReceiveCaseCommand }> = [];
    const seen = new Map<string, number>();
    if (!problems.length) {
      for (const [i, r] of sheet.rows.entries()) {
        const { input, problems: rowProblems } = rowToInput(r.row, r.cells, columns);
        problems.push(...rowProblems);
        if (input) {
          const parsed = ReceiveCaseCommand.safeParse(input);
          if (!parsed.success) {
            for (const issue of parsed.error.issues)
              problems.push({ row: r.row, column: columnOfField(issue.path.map(String).join('.'), columns), reason: issue.message });
          } else {
            const first = seen.get(parsed.data.externalNo);
            if (first) problems.push({ row: r.row, column: columns.externalNo!, reason: `工单编号与第 ${first} 行重复` });
            else {
              seen.set(parsed.data.externalNo, r.row);
              commands.push({ row: r.row, cmd: { ...parsed.data, channel: 'import' } });
            }
          }
        }
        if ((i + 1) % PROGRESS_EVERY === 0) await progress({ processedRows: Math.floor((i + 1) / 2) });
      }
    }
    if (problems.length) {
      await progress({
        status: 'failed',
        errorCount: problems.length,
        problems: problems.slice(0, MAX_STORED_PROBLEMS),
        processedRows: 0,
        message: `${problems.length} 处错误，未导入任何数据；请下载错误报告修正后重新上传`,
        finishedAt: new Date(),
        durationMs: Date.now() - t0,
      });
      return;
    }

    await progress({ status: 'importing', processedRows: Math.floor(commands.length / 2) });
    const tValidated = Date.now();
    const counts = await orm.em
      .fork()
      .transactional((tx) => applyRows(tx, jobId, commands, opts.actor, (n) => progress({ processedRows: Math.floor(commands.length / 2 + n / 2) })));
    await progress({
      status: 'succeeded',
      processedRows: commands.length,
      createdCount: counts.created,
      updatedCount: counts.updated,
      unchangedCount: counts.unchanged,
      message: `新增 ${counts.created} 件，更新 ${counts.updated} 件，未变化 ${counts.unchanged} 件`,
      finishedAt: new Date(),
      durationMs: Date.now() - t0,
    });
    opts.log.info({ jobId, ...counts, ms: Date.now() - t0, validateMs: tValidated - t0, writeMs: Date.now() - tValidated }, 'import finished');
  } catch (e) {
    opts.log.error({ err: e, jobId }, 'import failed');
    await progress({ status: 'failed', message: '导入时发生系统错误，未导入任何数据，请稍后重试', finishedAt: new Date(), durationMs: Date.now() - t0 }).catch(
      () => undefined,
    );
  }
}

async function applyRows(
  tx: EntityManager,
  jobId: string,
  rows: Array<{ row: number; cmd: ReceiveCaseCommand }>,
  actor: Actor,
  onProgress: (n: number) => Promise<unknown>,
) {
  const rules = await loadIntakeRules(tx);
  const existing = new Map<string, Case>();
  const numbers = rows.map((r) => r.cmd.externalNo);
  for (let i = 0; i < numbers.length; i += 1000) {
    for (const c of await tx.find(Case, { externalNo: { $in: numbers.slice(i, i + 1000) } })) existing.set(c.externalNo, c);
  }

  // Repeat counts: earlier cases in the window, from the database and from this file, by key.
  const fresh = rows.filter((r) => !existing.has(r.cmd.externalNo)).sort((a, b) => (a.cmd.receivedAt?.getTime() ?? 0) - (b.cmd.receivedAt?.getTime() ?? 0));
  const windowMs = rules.repeatWindowDays * DAY;
  const index = new RepeatIndex(windowMs);
  if (fresh.length) {
    const from = new Date((fresh[0].cmd.receivedAt?.getTime() ?? Date.now()) - windowMs);
    const to = fresh[fresh.length - 1].cmd.receivedAt ?? new Date();
    const earlier = await tx
      .getConnection()
      .execute<Array<{ citizen_phone: string; address: string | null; project_name: string | null; topic: string; received_at: Date }>>(
        'select citizen_phone, address, project_name, topic, received_at from intake_case where received_at >= ? and received_at <= ?',
        [from, to],
      );
    for (const e of earlier)
      index.add(
        { citizenPhone: e.citizen_phone, address: e.address, projectName: e.project_name, topic: e.topic, title: '', content: '' },
        new Date(e.received_at).getTime(),
      );
  }

  let created = 0;
  let updated = 0;
  let unchanged = 0;
  let done = 0;
  const timing: Record<string, number> = {};
  let t = Date.now();
  const lap = (name: string) => {
    timing[name] = Date.now() - t;
    t = Date.now();
  };
  lap('lookup');
  const events = [];
  const newCases: Case[] = [];
  for (const { cmd } of fresh) {
    const at = (cmd.receivedAt ?? new Date()).getTime();
    // Not managed by the unit of work: new orders go in as multi-row inserts (a year in seconds).
    const c = Object.assign(new Case(), { ...caseFields(cmd, rules, index.signals(cmd, at)), sourceHash: rowHash(cmd) });
    index.add(cmd, at);
    newCases.push(c);
    events.push(receivedEvent(c, actor));
    created++;
    if (++done % PROGRESS_EVERY === 0) await onProgress(done);
  }
  lap('build');
  for (let i = 0; i < newCases.length; i += 1000) {
    const flagged = await keyPersonKeys(
      tx,
      newCases.slice(i, i + 1000).map((c) => c.callerKey),
    );
    for (const c of newCases.slice(i, i + 1000)) c.keyPerson = !!c.callerKey && flagged.has(c.callerKey);
  }
  for (let i = 0; i < newCases.length; i += 1000) await tx.insertMany(Case, newCases.slice(i, i + 1000));
  lap('insert');
  for (const { cmd } of rows) {
    const c = existing.get(cmd.externalNo);
    if (!c) continue;
    const hash = rowHash(cmd);
    if (c.sourceHash === hash) {
      unchanged++;
      continue;
    }
    const next = caseFields(cmd, rules, { repeatCount: c.repeatCount, clusterCount: c.clusterCount }) as Record<string, unknown>;
    // The export's 附件 column holds links only: files uploaded to intake stay on the case.
    const current = (f: (typeof UPDATABLE)[number]) => (f === 'attachments' ? linkAttachments(c.attachments) : (c as unknown as Record<string, unknown>)[f]);
    const changed = UPDATABLE.filter((f) => !same(current(f), next[f]));
    c.sourceHash = hash;
    if (!changed.length) {
      unchanged++;
      continue;
    }
    const before = Object.fromEntries(changed.map((f) => [f, canonical(current(f))]));
    const after = Object.fromEntries(changed.map((f) => [f, canonical(next[f])]));
    Object.assign(
      c,
      Object.fromEntries(changed.map((f) => [f, f === 'attachments' ? withUploadedAttachments(c.attachments, next[f] as Case['attachments']) : next[f]])),
    );
    c.searchText = searchTextOf(c);
    tx.create(CaseAudit, {
      caseId: c.id,
      kind: 'import-update',
      before,
      after,
      reason: `导入任务 ${jobId} 中该工单有变化`,
      actorUserId: 'userId' in actor ? actor.userId : null,
      actor: 'role' in actor ? actor.role : `system:${actor.system}`,
      at: new Date(),
    });
    events.push(
      createEvent({
        type: 'hotline.case.updated',
        source: 'intake',
        actor,
        caseId: c.id,
        data: { externalNo: c.externalNo, fields: changed, source: 'import', importJobId: jobId, after: publicChanges(c, changed) },
      }),
    );
    updated++;
    if (++done % PROGRESS_EVERY === 0) await onProgress(done);
  }
  await tx.flush();
  lap('update');
  await recordEvents(tx, events);
  lap('events');
  return { created, updated, unchanged, timing };
}

/** Earlier cases by repeat key (phone, address + topic, project + topic), for counting within a window. */
class RepeatIndex {
  private readonly byKey = new Map<string, Array<{ n: number; at: number }>>();
  private n = 0;
  constructor(private readonly windowMs: number) {}

  private keys(s: RepeatSubject): { repeat: string[]; cluster?: string } {
    const repeat: string[] = [];
    const phone = s.citizenPhone.replace(/\s+/g, '');
    if (phone.length >= 5) repeat.push(`p:${phone}`);
    if (s.address) repeat.push(`a:${s.topic}:${s.address.replace(/\s+/g, '')}`);
    return { repeat, cluster: s.projectName ? `c:${s.topic}:${s.projectName.replace(/\s+/g, '')}` : undefined };
  }

  add(s: RepeatSubject, at: number): void {
    const n = this.n++;
    const { repeat, cluster } = this.keys(s);
    for (const k of [...repeat, ...(cluster ? [cluster] : [])]) {
      const list = this.byKey.get(k) ?? [];
      list.push({ n, at });
      this.byKey.set(k, list);
    }
  }

  /** Same rule as repeatSignals(): distinct earlier cases within the window. */
  signals(s: RepeatSubject, at: number): { repeatCount: number; clusterCount: number } {
    const { repeat, cluster } = this.keys(s);
    const inWindow = (e: { at: number }) => e.at >= at - this.windowMs && e.at <= at;
    const repeats = new Set<number>();
    for (const k of repeat) for (const e of this.byKey.get(k) ?? []) if (inWindow(e)) repeats.add(e.n);
    const clusterCount = cluster ? (this.byKey.get(cluster) ?? []).filter(inWindow).length : 0;
    return { repeatCount: repeats.size, clusterCount };
  }
}
