import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** 加分项: one entry of publicity's bonus ledger, as `hotline.publicity.awarded` reports it (no free text). */
@Entity({ tableName: 'callback_bonus_item' })
export class BonusItemRow {
  @PrimaryKey({ type: 'string', length: 64 }) entryId!: string;
  @Property({ type: 'string', length: 64 }) itemId!: string;
  /** typical-case / episode / article */
  @Property({ type: 'string', length: 16 }) kind!: string;
  /** The assessment period (YYYY-MM) the points count for. */
  @Property({ type: 'string', length: 7 }) month!: string;
  @Property({ type: 'double' }) points!: number;
  @Property({ type: 'uuid', nullable: true }) departmentId?: string | null;
  @Property({ type: 'Date', columnType: 'timestamptz' }) awardedAt!: Date;
}
