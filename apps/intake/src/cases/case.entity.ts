import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import {
  knownOf,
  redactText,
  CASE_STAGES,
  CaseStage,
  Channel,
  CHANNELS,
  LINK_KINDS,
  LinkKind,
  QUEUE_SORTS,
  REQUEST_TYPES,
  RequestType,
  TIERS,
  Tier,
  URGENCIES,
  Urgency,
} from '@hotline/contracts';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
export const RequestTypeEnum = asEnum(REQUEST_TYPES);
export const TierEnum = asEnum(TIERS);
export const UrgencyEnum = asEnum(URGENCIES);
export const CaseStageEnum = asEnum(CASE_STAGES);
export const ChannelEnum = asEnum(CHANNELS);
export const LinkKindEnum = asEnum(LINK_KINDS);
/** The same enum as dispatch's (the supergraph holds one QueueSort). */
export const QueueSortEnum = asEnum(QUEUE_SORTS);
registerEnumType(RequestTypeEnum, { name: 'RequestType', description: '诉求类型：咨询 求助 投诉 举报 建议 表扬' });
registerEnumType(TierEnum, { name: 'Tier', description: '分级：简单类 一般类 疑难类' });
registerEnumType(UrgencyEnum, { name: 'Urgency', description: '紧急程度：一般 及时 紧急' });
registerEnumType(CaseStageEnum, { name: 'CaseStage', description: '工单阶段' });
registerEnumType(ChannelEnum, { name: 'Channel', description: '来源渠道' });
registerEnumType(LinkKindEnum, { name: 'LinkKind', description: '关联方式：重复件 并单' });
registerEnumType(QueueSortEnum, { name: 'QueueSort', description: '队列排序：wait 等待最久在前 urgency 紧急程度高在前（同级等待最久在前）' });

/**
 * 附件 (attachment) — either a link the district platform or the citizen gave (stored where the
 * link points), or a file uploaded to intake (`id` set; `url` is `/cases/<caseId>/attachments/<id>`,
 * downloaded with a token; `contentType` is the type recognised from the bytes).
 */
@ObjectType('Attachment', { description: '附件' })
export class Attachment {
  @Field(() => ID, { nullable: true, description: '上传附件的编号（外部链接为空）' }) id?: string;
  @Field(() => String, { description: '文件名' }) name!: string;
  @Field(() => String, { description: '下载地址（上传的附件须携带令牌下载）' }) url!: string;
  @Field(() => String, { nullable: true, description: '文件类型（上传的附件按文件内容识别）' }) contentType?: string;
  @Field(() => Int, { nullable: true, description: '文件大小（字节，上传的附件）' }) size?: number;
}

/**
 * 工单 — one citizen request. Owned by intake; other services extend it through federation.
 * The citizen's name, phone and address are stored here and nowhere else; the API masks them.
 */
@Directive('@key(fields: "id")')
@ObjectType('Case', { description: '工单' })
@Entity({ tableName: 'intake_case' })
@Index({ properties: ['stage', 'receivedAt'] })
export class Case {
  [OptionalProps]?:
    | 'stage'
    | 'tier'
    | 'urgency'
    | 'departmentIds'
    | 'version'
    | 'createdAt'
    | 'updatedAt'
    | 'signedAt'
    | 'signedBy'
    | 'anonymous'
    | 'confidential'
    | 'attachments'
    | 'repeatCount'
    | 'clusterCount'
    | 'searchText'
    | 'callerKey'
    | 'keyPerson';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The district platform's order number (工单编号); unique. */
  @Field(() => String, { description: '工单编号' })
  @Property({ type: 'string', length: 64, unique: true })
  externalNo!: string;

  @Field(() => ChannelEnum)
  @Property({ type: 'string', length: 16 })
  channel!: Channel;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  content!: string;

  /**
   * Title and content as every role reads them (`redactText` with the case's own values): what
   * text search matches, so a search cannot recover what the fields mask. Kept on every write
   * (`searchTextOf`).
   */
  @Property({ type: 'text' })
  searchText: string = '';

  @Field(() => RequestTypeEnum)
  @Property({ type: 'string', length: 16 })
  requestType!: RequestType;

  /** 主题, e.g. 物业 / 延期交房 / 购房退费 / 施工. */
  @Field(() => String)
  @Property({ type: 'string', length: 50 })
  topic!: string;

  @Field(() => UrgencyEnum)
  @Property({ type: 'string', length: 16 })
  urgency: Urgency = 'normal';

  @Field(() => TierEnum)
  @Property({ type: 'string', length: 16 })
  tier: Tier = 'general';

  @Field(() => CaseStageEnum)
  @Property({ type: 'string', length: 16 })
  stage: CaseStage = 'received';

  @Field(() => Date)
  @Property({ type: 'Date', columnType: 'timestamptz' })
  receivedAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  signedAt?: Date | null;

  @Property({ type: 'uuid', nullable: true })
  signedBy?: string | null;

  /** The upstream deadline (办理时限) the district platform set, if any. */
  @Field(() => Date, { nullable: true })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  deadlineAt?: Date | null;

  @Property({ type: 'string', length: 50 })
  citizenName!: string;

  @Property({ type: 'string', length: 32 })
  citizenPhone!: string;

  @Property({ type: 'string', length: 300, nullable: true })
  address?: string | null;

  /** 来电人键: keyed hash of the phone (key-persons/caller-key.ts); carried on hotline.case.received. */
  @Property({ type: 'string', length: 64, nullable: true, index: true })
  callerKey?: string | null = null;

  /** 重点人: the caller was flagged when this case arrived (marked on receipt; shown to permitted roles). */
  @Property({ type: 'boolean' })
  keyPerson: boolean = false;

  /** 楼盘 / 小区 */
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  projectName?: string | null;

  /** 街道 */
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 50, nullable: true })
  street?: string | null;

  /** 社区 */
  @Field(() => String, { nullable: true, description: '社区' })
  @Property({ type: 'string', length: 50, nullable: true })
  community?: string | null;

  /** Exact coordinates are personal data (they point at a home): served rounded, revealed whole. */
  @Property({ type: 'double', nullable: true })
  latitude?: number | null;

  @Property({ type: 'double', nullable: true })
  longitude?: number | null;

  /** 派单时间: when the district platform dispatched the order to the bureau. */
  @Field(() => Date, { nullable: true, description: '区平台派单时间' })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  districtDispatchedAt?: Date | null;

  /** 首次联系: when a department first reached the citizen (from hotline.case.contacted). */
  @Field(() => Date, { nullable: true, description: '首次联系市民时间' })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  firstContactAt?: Date | null;

  /** 匿名: the citizen gave no name (and maybe no phone). */
  @Field(() => Boolean, { description: '匿名' })
  @Property({ type: 'boolean' })
  anonymous: boolean = false;

  /** 保密: the citizen's identity must not reach the departments. */
  @Field(() => Boolean, { description: '保密' })
  @Property({ type: 'boolean' })
  confidential: boolean = false;

  @Field(() => [Attachment], { description: '附件' })
  @Property({ type: 'json', columnType: 'jsonb' })
  attachments: Attachment[] = [];

  /** Earlier cases of the same citizen or the same place and topic within the window (重复诉求). */
  @Field(() => Int, { description: '重复诉求次数' })
  @Property({ type: 'integer' })
  repeatCount: number = 0;

  /** Earlier cases about the same project and topic within the window (群体性 / 爆发性 marker). */
  @Field(() => Int, { description: '同楼盘同主题诉求数' })
  @Property({ type: 'integer' })
  clusterCount: number = 0;

  /** 主工单: the case this one is a repeat of, or merged into (并单). */
  @Field(() => ID, { nullable: true, description: '主工单' })
  @Property({ type: 'uuid', nullable: true })
  masterCaseId?: string | null;

  @Field(() => LinkKindEnum, { nullable: true, description: '关联方式' })
  @Property({ type: 'string', length: 16, nullable: true })
  linkKind?: LinkKind | null;

  @Field(() => Float, { nullable: true, description: '关联时的相似度' })
  @Property({ type: 'double', nullable: true })
  linkScore?: number | null;

  /** 答复结果, from the department's reply / 办结 (an outcome the operator sees on repeats). */
  @Field(() => String, { nullable: true, description: '办理结果' })
  @Property({ type: 'string', length: 16, nullable: true })
  replyResult?: string | null;

  @Field(() => Date, { nullable: true, description: '办结时间' })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  completedAt?: Date | null;

  /** Hash of the imported row: a re-import with the same hash changes nothing. */
  @Property({ type: 'string', length: 64, nullable: true })
  sourceHash?: string | null;

  /** Departments (lead and assisting) the case is dispatched to: who among handlers may see it. */
  @Property({ type: 'string[]', columnType: 'text[]' })
  departmentIds: string[] = [];

  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'Date', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** The stored search text of a case: its title and content redacted, the case's own values included. */
export function searchTextOf(c: {
  title: string;
  content: string;
  citizenName?: string | null;
  citizenPhone?: string | null;
  address?: string | null;
}): string {
  const known = knownOf(c);
  return `${redactText(c.title, known)}\n${redactText(c.content, known)}`;
}
