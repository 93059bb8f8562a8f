import type { EntityManager } from '@mikro-orm/postgresql';
import { CALLBACK_ERRORS } from '@hotline/contracts';
import { AuthUser, codedError, parseInput, readSheet } from '@hotline/service-kit';
import { z } from 'zod';
import { CallbackCase } from '../cases/callback-case.entity';
import { OfficialResult } from './official-result.entity';
import { OfficialRow, parseOfficialRow } from './parse-row';

export const ImportCommand = z.object({
  fileName: z
    .string()
    .trim()
    .min(1, '请提供文件名')
    .max(200, '文件名最多 200 个字')
    .regex(/\.(xlsx|csv)$/i, '只接受 .xlsx 或 .csv 文件'),
  contentBase64: z.string().min(1, '文件为空'),
});

export interface ImportReport {
  rows: number;
  created: number;
  unchanged: number;
  updated: number;
  errors: Array<{ row: number; externalNo: string | null; message: string }>;
}

/**
 * 导入区级平台回访结果: every row is checked first (format, and the case known by its external
 * number); if any row is refused, nothing is written and the report lists each refused row. Rows
 * match by (case, round): the same file imported twice creates nothing the second time
 * (idempotent); a row whose answer changed upstream replaces the stored one.
 */
export async function importOfficialResults(em: EntityManager, user: AuthUser, input: unknown, now = new Date()): Promise<ImportReport> {
  const cmd = parseInput(ImportCommand, input);
  const format = cmd.fileName.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
  const { rows } = await readSheet(Buffer.from(cmd.contentBase64, 'base64'), format).catch(() => {
    throw codedError(CALLBACK_ERRORS.FILE_UNREADABLE);
  });
  if (!rows.length) throw codedError(CALLBACK_ERRORS.FILE_EMPTY);
  const report: ImportReport = { rows: rows.length, created: 0, unchanged: 0, updated: 0, errors: [] };
  const parsed: Array<OfficialRow & { row: number }> = [];
  for (const r of rows) {
    const p = parseOfficialRow(r.cells);
    if ('error' in p) report.errors.push({ row: r.row, externalNo: String(r.cells['工单编号'] ?? '') || null, message: p.error });
    else parsed.push({ ...p, row: r.row });
  }
  const cases = new Map((await em.find(CallbackCase, { externalNo: { $in: parsed.map((p) => p.externalNo) } })).map((c) => [c.externalNo, c]));
  const seen = new Set<string>();
  for (const p of parsed) {
    if (!cases.has(p.externalNo)) report.errors.push({ row: p.row, externalNo: p.externalNo, message: `未找到工单编号 ${p.externalNo}` });
    else if (seen.has(`${p.externalNo}#${p.round}`))
      report.errors.push({ row: p.row, externalNo: p.externalNo, message: `工单 ${p.externalNo} 第 ${p.round} 轮在文件中重复` });
    seen.add(`${p.externalNo}#${p.round}`);
  }
  if (report.errors.length) {
    report.errors.sort((a, b) => a.row - b.row);
    return report;
  }
  await em.transactional(async (tx) => {
    const existing = new Map(
      (await tx.find(OfficialResult, { caseId: { $in: [...cases.values()].map((c) => c.id) } })).map((o) => [`${o.caseId}#${o.round}`, o]),
    );
    for (const p of parsed) {
      const c = cases.get(p.externalNo)!;
      const old = existing.get(`${c.id}#${p.round}`);
      const same =
        old &&
        old.reached === p.reached &&
        (old.resolved ?? null) === p.resolved &&
        (old.satisfaction ?? null) === p.satisfaction &&
        (old.calledAt?.getTime() ?? null) === (p.calledAt?.getTime() ?? null);
      if (same) {
        report.unchanged++;
        continue;
      }
      if (old) {
        Object.assign(old, {
          reached: p.reached,
          resolved: p.resolved,
          satisfaction: p.satisfaction,
          calledAt: p.calledAt,
          importedAt: now,
          importedBy: user.id,
          fileName: cmd.fileName,
        });
        report.updated++;
      } else {
        tx.create(OfficialResult, {
          caseId: c.id,
          externalNo: c.externalNo,
          round: p.round,
          reached: p.reached,
          resolved: p.resolved,
          satisfaction: p.satisfaction,
          calledAt: p.calledAt,
          importedAt: now,
          importedBy: user.id,
          fileName: cmd.fileName,
        });
        report.created++;
      }
    }
    await tx.flush();
  });
  return report;
}
