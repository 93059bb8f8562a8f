import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import {
  CASE_STAGES, CaseStage, Channel, CHANNELS, REQUEST_TYPES, RequestType, TIERS, Tier, URGENCIES, Urgency,
} from '@hotline/contracts';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
export const RequestTypeEnum = asEnum(REQUEST_TYPES);
export const TierEnum = asEnum(TIERS);
export const UrgencyEnum = asEnum(URGENCIES);
export const CaseStageEnum = asEnum(CASE_STAGES);
export const ChannelEnum = asEnum(CHANNELS);
registerEnumType(RequestTypeEnum, { name: 'RequestType', description: '诉求类型：咨询 求助 投诉 举报 建议 表扬' });
registerEnumType(TierEnum, { name: 'Tier', description: '分级：简单类 一般类 疑难类' });
registerEnumType(UrgencyEnum, { name: 'Urgency', description: '紧急程度：一般 及时 紧急' });
registerEnumType(CaseStageEnum, { name: 'CaseStage', description: '工单阶段' });
registerEnumType(ChannelEnum, { name: 'Channel', description: '来源渠道' });

/**
 * 工单 — one citizen request. Owned by intake; other services extend it through federation.
 * The citizen's name, phone and address are stored here and nowhere else; the API masks them.
 */
@Directive('@key(fields: "id")')
@ObjectType('Case', { description: '工单' })
@Entity({ tableName: 'intake_case' })
@Index({ properties: ['stage', 'receivedAt'] })
export class Case {
  [OptionalProps]?: 'stage' | 'tier' | 'urgency' | 'departmentIds' | 'version' | 'createdAt' | 'updatedAt' | 'signedAt' | 'signedBy';

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

  /** 楼盘 / 小区 */
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  projectName?: string | null;

  /** 街道 */
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 50, nullable: true })
  street?: string | null;

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
