import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { PublicityKind } from '@hotline/contracts';

/**
 * 加分台账: one line per awarded item — who earned it (the credited department, who recorded it),
 * for what (the item), how many points, on what evidence, for which assessment month. An item is
 * awarded once (unique), and lines are never changed or deleted.
 */
@Entity({ tableName: 'publicity_ledger_entry' })
@Unique({ properties: ['itemKind', 'itemId'] })
@Index({ properties: ['month', 'awardedAt'] })
export class LedgerEntry {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  /** Assessment month `YYYY-MM`. */
  @Property({ type: 'string', length: 7 }) month!: string;
  @Property({ type: 'string', length: 16 }) itemKind!: PublicityKind;
  @Property({ type: 'uuid' }) itemId!: string;
  /** The item's title when awarded (the ledger reads on its own). */
  @Property({ type: 'string', length: 100 }) title!: string;
  @Property({ type: 'uuid', nullable: true }) departmentId!: string | null;
  @Property({ type: 'integer' }) points!: number;
  /** 佐证: the notice, the broadcast, the page that grants the points. */
  @Property({ type: 'text' }) evidence!: string;
  @Property({ type: 'uuid' }) awardedBy!: string;
  /** The recorder's display name as their token gave it (the export reads on its own). */
  @Property({ type: 'string', length: 100 }) awardedByName!: string;
  @Property({ type: 'Date', columnType: 'timestamptz' }) awardedAt!: Date;
}
