import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export const EPISODE_STATUSES = ['planned', 'aired', 'cancelled'] as const;
export type EpisodeStatus = (typeof EPISODE_STATUSES)[number];

/** 《向前一步》 episode: a TV programme on which the bureau answers for cases. */
@Entity({ tableName: 'publicity_episode' })
@Index({ properties: ['airDate'] })
export class Episode {
  [OptionalProps]?: 'version' | 'status' | 'summary';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  /** 选题 */
  @Property({ type: 'string', length: 100 }) topic!: string;
  /** 播出日期, a Beijing date `YYYY-MM-DD`. */
  @Property({ type: 'string', length: 10 }) airDate!: string;
  @Property({ type: 'text', nullable: true }) summary: string | null = null;
  /** 参与科室 */
  @Property({ type: 'text[]' }) departmentIds: string[] = [];
  /** planned 筹备中, aired 已播出, cancelled 已取消 */
  @Property({ type: 'string', length: 16 }) status: 'planned' | 'aired' | 'cancelled' = 'planned';
  @Property({ type: 'uuid' }) createdBy!: string;
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt!: Date;
  @Property({ type: 'integer', version: true }) version!: number;
}
