import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuthUser, UserRef } from '@hotline/service-kit';

/**
 * One look at a citizen's personal data: who, when, which case, why. Never deleted. Three kinds:
 * `reveal` (查看来电人完整信息), `attachment` (下载附件 — a file may show personal data; the
 * reason is 下载附件 <file name>) and `search` (a case found by the caller's phone or an ID number).
 */
@ObjectType('RevealLogEntry', { description: '个人信息查看记录' })
@Entity({ tableName: 'intake_reveal_log' })
@Index({ properties: ['caseId', 'revealedAt'] })
export class RevealLogEntry {
  [OptionalProps]?: 'kind';

  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field(() => ID) @Property({ type: 'uuid' }) caseId!: string;
  @Field(() => String, { description: '工单编号' }) @Property({ type: 'string', length: 64 }) externalNo!: string;
  @Field(() => ID) @Property({ type: 'uuid' }) userId!: string;
  @Field(() => String) @Property({ type: 'string', length: 32 }) role!: string;
  @Field(() => ID, { nullable: true }) @Property({ type: 'uuid', nullable: true }) departmentId?: string | null;
  @Field(() => String, { description: '类别：reveal 查看来电人信息，attachment 下载附件，search 按号码检索' }) @Property({ type: 'string', length: 16 }) kind:
    'reveal' | 'attachment' | 'search' = 'reveal';
  @Field(() => ID, { nullable: true, description: '下载的附件（类别为 attachment 时）' }) @Property({ type: 'uuid', nullable: true }) attachmentId?:
    string | null;
  @Field(() => [String], { description: 'name / phone / address, or attachment' }) @Property({ type: 'string[]', columnType: 'text[]' }) fields!: string[];
  @Field(() => String, { description: '查看原因' }) @Property({ type: 'string', length: 200 }) reason!: string;
  @Field(() => Date) @Property({ type: 'Date', columnType: 'timestamptz' }) revealedAt!: Date;

  @Field(() => UserRef, { description: '查看人' })
  user(): UserRef {
    return { id: this.userId };
  }
}

/**
 * Writes one 查阅日志 row for `user` looking at case `c` — in the caller's transaction, beside
 * the read it records (no record, no data).
 */
export function logLook(
  tx: EntityManager,
  user: AuthUser,
  c: { id: string; externalNo: string },
  look: { kind?: 'reveal' | 'attachment' | 'search'; attachmentId?: string; fields: string[]; reason: string },
): RevealLogEntry {
  return tx.create(RevealLogEntry, {
    caseId: c.id,
    externalNo: c.externalNo,
    userId: user.id,
    role: user.role,
    departmentId: user.departmentId ?? null,
    kind: look.kind ?? 'reveal',
    attachmentId: look.attachmentId ?? null,
    fields: look.fields,
    reason: Array.from(look.reason).slice(0, 200).join(''),
    revealedAt: new Date(),
  });
}
