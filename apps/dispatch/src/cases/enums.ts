import { registerEnumType } from 'type-graphql';
import { CONTACT_CHANNELS, ContactChannel, QUEUE_SORTS, QueueSort, RETURN_REASONS, ReturnReason } from '@hotline/contracts';
import { INBOX_BUCKETS, InboxBucket } from '../handling/handling-rules';

const asEnum = <T extends string>(values: readonly T[], name: (v: T) => string = (v) => v) =>
  Object.fromEntries(values.map((v) => [name(v), v])) as Record<string, T>;

/** GraphQL enum names cannot hold '-': not-our-duty → not_our_duty (the value stays the code). */
export const ReturnReasonEnum = asEnum<ReturnReason>(RETURN_REASONS, (v) => v.replace(/-/g, '_'));
registerEnumType(ReturnReasonEnum, { name: 'ReturnReason', description: '退回原因：不属于本科室职责 分转科室错误 不属于本局职责 重复工单 诉求信息不全' });

export const ContactChannelEnum = asEnum<ContactChannel>(CONTACT_CHANNELS);
registerEnumType(ContactChannelEnum, { name: 'ContactChannel', description: '联系方式：电话 短信 上门 微信 其他' });

export const InboxBucketEnum = asEnum<Exclude<InboxBucket, 'returned'>>(INBOX_BUCKETS.filter((b): b is Exclude<InboxBucket, 'returned'> => b !== 'returned'));
registerEnumType(InboxBucketEnum, { name: 'InboxBucket', description: '科室工作台分组：new 新到 inProgress 办理中 dueSoon 即将超期 overdue 已超期' });

/** The same enum as intake's (the supergraph holds one QueueSort). */
export const QueueSortEnum = asEnum<QueueSort>(QUEUE_SORTS);
registerEnumType(QueueSortEnum, { name: 'QueueSort', description: '队列排序：wait 等待最久在前 urgency 紧急程度高在前（同级等待最久在前）' });
