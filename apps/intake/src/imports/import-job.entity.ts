import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { randomUUID } from 'node:crypto';

/** 导入任务状态: queued → validating → importing → succeeded, or failed with nothing written. */
export const IMPORT_STATUSES = ['queued', 'validating', 'importing', 'succeeded', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const ImportStatusEnum = Object.fromEntries(IMPORT_STATUSES.map((s) => [s, s])) as Record<ImportStatus, ImportStatus>;
registerEnumType(ImportStatusEnum, { name: 'ImportStatus', description: '导入状态：排队 校验中 导入中 成功 失败（未写入任何数据）' });

@ObjectType('ImportProblem', { description: '导入错误：行、列、原因' })
export class ImportProblem {
  @Field(() => Int, { description: '行号（表头为第 1 行）' }) row!: number;
  @Field(() => String, { description: '列名' }) column!: string;
  @Field(() => String, { description: '原因' }) reason!: string;
}

/** 导入任务 — one uploaded export file, its progress and its outcome. */
@ObjectType('ImportJob', { description: '工单导入任务' })
@Entity({ tableName: 'intake_import_job' })
@Index({ properties: ['createdAt'] })
export class ImportJob {
  [OptionalProps]?: 'status' | 'totalRows' | 'processedRows' | 'createdCount' | 'updatedCount' | 'unchangedCount' | 'errorCount' | 'problems' | 'createdAt';

  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field(() => ImportStatusEnum) @Property({ type: 'string', length: 16 }) status: ImportStatus = 'queued';
  @Field(() => String, { description: '文件名' }) @Property({ type: 'string', length: 200 }) fileName!: string;
  @Field(() => String, { description: 'xlsx 或 csv' }) @Property({ type: 'string', length: 8 }) format!: string;
  @Field(() => String, { nullable: true, description: '使用的列映射' }) @Property({ type: 'string', length: 100, nullable: true }) mappingName?: string | null;
  @Field(() => Int, { description: '数据行数' }) @Property({ type: 'integer' }) totalRows: number = 0;
  @Field(() => Int, { description: '已处理行数' }) @Property({ type: 'integer' }) processedRows: number = 0;
  @Field(() => Int, { description: '新增' }) @Property({ type: 'integer' }) createdCount: number = 0;
  @Field(() => Int, { description: '更新' }) @Property({ type: 'integer' }) updatedCount: number = 0;
  @Field(() => Int, { description: '未变化' }) @Property({ type: 'integer' }) unchangedCount: number = 0;
  @Field(() => Int, { description: '错误数' }) @Property({ type: 'integer' }) errorCount: number = 0;
  /** The first problems (row, column, reason); the full report is GET /imports/{id}/errors.csv. */
  @Property({ type: 'json', columnType: 'jsonb' }) problems: ImportProblem[] = [];
  @Field(() => String, { nullable: true, description: '说明' }) @Property({ type: 'string', length: 300, nullable: true }) message?: string | null;
  @Property({ type: 'uuid' }) createdBy!: string;
  @Field(() => Date) @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt: Date = new Date();
  @Field(() => Date, { nullable: true }) @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) finishedAt?: Date | null;
  @Field(() => Int, { nullable: true, description: '耗时（毫秒）' }) @Property({ type: 'integer', nullable: true }) durationMs?: number | null;

  @Field(() => Float, { description: '进度 0..1' })
  progress(): number {
    if (this.status === 'succeeded') return 1;
    return this.totalRows ? Math.min(1, this.processedRows / this.totalRows) : 0;
  }

  @Field(() => [ImportProblem], { description: '错误（最多前 200 条；完整报告见 errorReportUrl）' })
  errors(): ImportProblem[] {
    return this.problems.slice(0, 200);
  }

  @Field(() => String, { description: '错误报告下载地址（CSV，需登录）' })
  errorReportUrl(): string {
    return `/imports/${this.id}/errors.csv`;
  }
}

@ObjectType('ImportColumn', { description: '列映射中的一项' })
export class ImportColumn {
  @Field(() => String, { description: '字段' }) field!: string;
  @Field(() => String, { description: '文件中的列名' }) header!: string;
}

/** 列映射 — a saved mapping from work-order fields to the headers of an export. */
@ObjectType('ImportMapping', { description: '导入列映射' })
@Entity({ tableName: 'intake_import_mapping' })
export class ImportMapping {
  [OptionalProps]?: 'updatedAt';
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field(() => String) @Property({ type: 'string', length: 100, unique: true }) name!: string;
  /** field → header */
  @Property({ type: 'json', columnType: 'jsonb' }) columns!: Record<string, string>;
  @Field(() => Date) @Property({ type: 'Date', columnType: 'timestamptz' }) updatedAt: Date = new Date();
  @Property({ type: 'uuid' }) updatedBy!: string;

  @Field(() => [ImportColumn], { description: '字段 → 列名' })
  mappedColumns(): ImportColumn[] {
    return Object.entries(this.columns).map(([field, header]) => ({ field, header }));
  }
}
