import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * 附件 (attachment) metadata: one file uploaded to one case. The bytes live in the
 * AttachmentStore under their SHA-256, so the same file uploaded twice is stored once.
 * Internal to intake: GraphQL shows the case's `attachments` list, not this table. A removed
 * file (撤回) keeps its row, marked `removedAt`.
 */
@Entity({ tableName: 'intake_attachment' })
@Index({ properties: ['caseId', 'createdAt'] })
export class CaseAttachment {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) caseId!: string;
  /** Sanitised, at most 200 characters, with an extension that matches `contentType`. */
  @Property({ type: 'string', length: 200 }) fileName!: string;
  /** The type recognised from the bytes (never the client's claim). */
  @Property({ type: 'string', length: 100 }) contentType!: string;
  @Property({ type: 'integer' }) size!: number;
  @Property({ type: 'string', length: 64 }) sha256!: string;
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt: Date = new Date();
  /** The user who uploaded it. */
  @Property({ type: 'uuid' }) createdBy!: string;
  /**
   * 撤回 (removed): set when the bureau took the file back. The row stays as the record; the
   * file is no longer on the case, cannot be downloaded and does not count toward the limit.
   */
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) removedAt?: Date | null;
  /** The user who removed it. */
  @Property({ type: 'uuid', nullable: true }) removedBy?: string | null;
  /** 撤回原因, as the operator wrote it (trimmed, 4–200 characters). */
  @Property({ type: 'string', length: 200, nullable: true }) removeReason?: string | null;
}
