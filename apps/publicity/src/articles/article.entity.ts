import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export const ARTICLE_STATUSES = ['planned', 'writing', 'published', 'cancelled'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** 12345市民热线专栏 article about the bureau's cases. */
@Entity({ tableName: 'publicity_article' })
@Index({ properties: ['publishDate'] })
export class Article {
  [OptionalProps]?: 'version' | 'status' | 'publishDate' | 'url';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'string', length: 100 }) title!: string;
  /** 刊发媒体, e.g. 北京日报 */
  @Property({ type: 'string', length: 100 }) outlet!: string;
  /** 刊发日期 (Beijing date), once known. */
  @Property({ type: 'string', length: 10, nullable: true }) publishDate: string | null = null;
  @Property({ type: 'string', length: 500, nullable: true }) url: string | null = null;
  /** planned 策划中, writing 撰写中, published 已刊发, cancelled 已取消 */
  @Property({ type: 'string', length: 16 }) status: ArticleStatus = 'planned';
  @Property({ type: 'uuid' }) createdBy!: string;
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt!: Date;
  @Property({ type: 'integer', version: true }) version!: number;
}
