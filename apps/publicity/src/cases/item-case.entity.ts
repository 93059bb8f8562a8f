import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { PublicityKind } from '@hotline/contracts';

/** Which work orders an item (典型案例, 《向前一步》 episode, 专栏 article) belongs to; answers `Case.publicity`. */
@Entity({ tableName: 'publicity_item_case' })
@Index({ properties: ['caseId'] })
export class ItemCase {
  @PrimaryKey({ type: 'uuid' }) itemId!: string;
  @PrimaryKey({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'string', length: 16 }) itemKind!: PublicityKind;
}
