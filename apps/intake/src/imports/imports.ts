import type { EntityManager } from '@mikro-orm/postgresql';
import { AuthUser, parseInput, codedError } from '@hotline/service-kit';
import { z } from 'zod';
import { IMPORT_FIELDS } from '@hotline/contracts';
import { ImportJob, ImportMapping } from './import-job.entity';
import { INTAKE_ERRORS, COMMON_ERRORS } from '@hotline/contracts';

export const SaveMappingCommand = z.object({
  name: z.string().trim().min(1, '请填写映射名称').max(100),
  columns: z.array(z.object({ field: z.enum(IMPORT_FIELDS, '字段无效'), header: z.string().trim().min(1, '请填写列名').max(100) })).min(1, '至少映射一列'),
});

/** 保存列映射 (by name; saving the same name again replaces it). */
export async function saveMapping(em: EntityManager, user: AuthUser, input: unknown): Promise<ImportMapping> {
  const cmd = parseInput(SaveMappingCommand, input);
  const columns = Object.fromEntries(cmd.columns.map((c) => [c.field, c.header]));
  const m = (await em.findOne(ImportMapping, { name: cmd.name })) ?? em.create(ImportMapping, { name: cmd.name, columns, updatedBy: user.id });
  Object.assign(m, { columns, updatedAt: new Date(), updatedBy: user.id });
  await em.flush();
  return m;
}

export const FORMATS = ['xlsx', 'csv'] as const;

/** The file's format from its name, or else its content type. */
export function formatOf(fileName: string, contentType = ''): 'xlsx' | 'csv' | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'xlsx' || ext === 'csv') return ext;
  if (contentType.includes('spreadsheetml')) return 'xlsx';
  if (contentType.includes('csv')) return 'csv';
  return undefined;
}

/** Creates the job for an uploaded file (queued); the caller starts the run. */
export async function createJob(
  em: EntityManager,
  user: AuthUser,
  opts: { fileName: string; contentType?: string; size: number; mappingName?: string },
): Promise<{ job: ImportJob; mapping?: Record<string, string> }> {
  const format = formatOf(opts.fileName, opts.contentType);
  if (!format) throw codedError(INTAKE_ERRORS.UNSUPPORTED_FORMAT);
  if (!opts.size) throw codedError(COMMON_ERRORS.EMPTY_FILE);
  let mapping: Record<string, string> | undefined;
  if (opts.mappingName) {
    const m = await em.findOne(ImportMapping, { name: opts.mappingName });
    if (!m) throw codedError(INTAKE_ERRORS.UNKNOWN_MAPPING, { name: opts.mappingName });
    mapping = m.columns;
  }
  const job = em.create(ImportJob, { fileName: opts.fileName.slice(0, 200), format, mappingName: opts.mappingName ?? null, createdBy: user.id });
  await em.flush();
  return { job, mapping };
}

/** The error report as CSV (UTF-8 with BOM, so Excel opens the Chinese correctly). */
export function errorReportCsv(job: ImportJob): string {
  const q = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;
  const lines = [['行号', '列', '原因'].map(q).join(','), ...job.problems.map((p) => [p.row, p.column, p.reason].map(q).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A job left running by a stopped process wrote nothing (one transaction): mark it failed. */
export async function failInterruptedJobs(em: EntityManager): Promise<number> {
  return em.nativeUpdate(
    ImportJob,
    { status: { $in: ['queued', 'validating', 'importing'] } },
    {
      status: 'failed',
      message: '服务重启，导入中断，未导入任何数据，请重新上传',
      finishedAt: new Date(),
    },
  );
}
