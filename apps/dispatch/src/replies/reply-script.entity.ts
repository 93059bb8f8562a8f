import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { ScriptScope } from '@hotline/contracts';

/** dispatch's copy of supervision's published 统一答复口径 versions (from hotline.script.*). */
@Entity({ tableName: 'dispatch_reply_script' })
export class ReplyScriptProjection {
  @PrimaryKey({ type: 'string', length: 64 }) scriptId!: string;
  @PrimaryKey({ type: 'integer', autoincrement: false }) version!: number;
  @Property({ type: 'string', length: 16 }) scope!: ScriptScope;
  @Property({ type: 'string', length: 100 }) scopeKey!: string;
  @Property({ type: 'string', length: 100 }) title!: string;
  @Property({ type: 'text' }) text!: string;
  @Property({ type: 'string', length: 16 }) status!: 'published' | 'retired';
  @Property({ type: 'Date', columnType: 'timestamptz' }) publishedAt!: Date;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) retiredAt?: Date | null;
}

/** Which cluster (聚类) a case belongs to (from hotline.cluster.*): cluster scripts apply to its cases. */
@Entity({ tableName: 'dispatch_cluster_case' })
export class ClusterCaseProjection {
  @PrimaryKey({ type: 'uuid' }) clusterId!: string;
  @PrimaryKey({ type: 'uuid' }) caseId!: string;
}
