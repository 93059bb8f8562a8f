import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { ScriptScope } from '@hotline/contracts';

/** 统一答复口径: a script for one topic, project (楼盘/项目) or cluster; its text lives in its versions. */
@Entity({ tableName: 'sup_reply_script' })
export class ReplyScript {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 16 }) scope!: ScriptScope;
  /** The topic, the project name or the cluster id. */
  @Property({ type: 'string', length: 100 }) scopeKey!: string;
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt!: Date;
  @Property({ type: 'uuid' }) createdBy!: string;
}

export const SCRIPT_VERSION_STATUSES = ['draft', 'approved', 'published', 'retired'] as const;
export type ScriptVersionStatus = (typeof SCRIPT_VERSION_STATUSES)[number];
export const SCRIPT_VERSION_STATUS_LABELS: Record<ScriptVersionStatus, string> = { draft: '草稿', approved: '已审核', published: '已发布', retired: '已停用' };

/** One version of a script: draft → approved (by a supervisor) → published → retired. Never edited after its draft. */
@Entity({ tableName: 'sup_reply_script_version' })
@Unique({ properties: ['scriptId', 'version'] })
export class ReplyScriptVersion {
  [OptionalProps]?: 'approvedAt' | 'approvedBy' | 'publishedAt' | 'publishedBy' | 'retiredAt';
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'uuid' }) scriptId!: string;
  @Property({ type: 'integer' }) version!: number;
  @Property({ type: 'string', length: 100 }) title!: string;
  @Property({ type: 'text' }) text!: string;
  @Property({ type: 'string', length: 16 }) status!: ScriptVersionStatus;
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt!: Date;
  @Property({ type: 'uuid' }) createdBy!: string;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) approvedAt?: Date | null;
  @Property({ type: 'uuid', nullable: true }) approvedBy?: string | null;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) publishedAt?: Date | null;
  @Property({ type: 'uuid', nullable: true }) publishedBy?: string | null;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) retiredAt?: Date | null;
}

/** How often departments' replies followed a version (counted from `hotline.case.replied`). */
@Entity({ tableName: 'sup_reply_script_use' })
export class ReplyScriptUse {
  @PrimaryKey({ type: 'string', length: 64 }) scriptId!: string;
  @PrimaryKey({ type: 'integer', autoincrement: false }) version!: number;
  @Property({ type: 'integer' }) uses!: number;
  @Property({ type: 'Date', columnType: 'timestamptz' }) lastUsedAt!: Date;
}
