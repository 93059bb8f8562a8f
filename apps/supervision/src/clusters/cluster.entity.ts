import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { ClusterKind } from '@hotline/contracts';

/**
 * 聚类阈值 (one row, edited by the administrator). The defaults are placeholders to confirm with
 * the bureau (待确认): 爆发性 5 similar cases within 72 h; 群体性 5 distinct callers within 7 days.
 */
@Entity({ tableName: 'sup_cluster_settings' })
export class ClusterSettings {
  @PrimaryKey({ type: 'integer', autoincrement: false }) id: number = 1;
  @Property({ type: 'integer' }) burstMinCases!: number;
  @Property({ type: 'integer' }) burstWindowHours!: number;
  @Property({ type: 'integer' }) groupMinCallers!: number;
  @Property({ type: 'integer' }) groupWindowHours!: number;
  @Property({ type: 'Date', columnType: 'timestamptz' }) updatedAt!: Date;
  @Property({ type: 'string', length: 64 }) updatedBy!: string;
}

/** What cluster detection knows of a received case (from `hotline.case.received`; the caller only as intake's keyed hash). */
@Entity({ tableName: 'sup_cluster_case' })
export class ClusterCase {
  @PrimaryKey({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'string', length: 50 }) topic!: string;
  /** The project (楼盘/项目) or, without one, the community (社区): "one place". */
  @Property({ type: 'string', length: 100 }) place!: string;
  @Property({ type: 'string', length: 100, nullable: true }) projectName?: string | null;
  @Property({ type: 'string', length: 100, nullable: true }) community?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) callerKey?: string | null;
  @Property({ type: 'Date', columnType: 'timestamptz' }) receivedAt!: Date;
}

/** 聚类: a burst (爆发性) or a group request (群体性) about one topic at one place. */
@Entity({ tableName: 'sup_cluster' })
export class Cluster {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 8 }) kind!: ClusterKind;
  @Property({ type: 'string', length: 50 }) topic!: string;
  @Property({ type: 'string', length: 100 }) place!: string;
  @Property({ type: 'string', length: 100, nullable: true }) projectName?: string | null;
  @Property({ type: 'string', length: 100, nullable: true }) community?: string | null;
  @Property({ type: 'integer' }) caseCount!: number;
  @Property({ type: 'integer' }) callerCount!: number;
  @Property({ type: 'Date', columnType: 'timestamptz' }) firstCaseAt!: Date;
  @Property({ type: 'Date', columnType: 'timestamptz' }) lastCaseAt!: Date;
  @Property({ type: 'Date', columnType: 'timestamptz' }) detectedAt!: Date;
  @Property({ type: 'Date', columnType: 'timestamptz' }) updatedAt!: Date;
}

@Entity({ tableName: 'sup_cluster_member' })
export class ClusterMember {
  @PrimaryKey({ type: 'uuid' }) clusterId!: string;
  @PrimaryKey({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'Date', columnType: 'timestamptz' }) receivedAt!: Date;
}
