import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Satisfaction } from '@hotline/contracts';

/** 回访结果: the bureau's own answer for one case and round (one only). Never changed. */
@Entity({ tableName: 'callback_result' })
@Unique({ properties: ['caseId', 'round'] })
export class CallbackResult {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) taskId!: string;
  @Property({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'integer' }) round!: number;
  /** 是否接通 */
  @Property({ type: 'boolean' }) reached!: boolean;
  /** 是否解决 (null when not reached) */
  @Property({ type: 'boolean', nullable: true }) resolved?: boolean | null;
  /** 满意度 (null when not reached) */
  @Property({ type: 'string', length: 16, nullable: true }) satisfaction?: Satisfaction | null;
  @Property({ type: 'text', nullable: true }) notes?: string | null;
  @Property({ type: 'Date', columnType: 'timestamptz' }) recordedAt!: Date;
  @Property({ type: 'uuid', nullable: true }) recordedBy?: string | null;
}
