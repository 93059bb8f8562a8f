import { registerEnumType } from 'type-graphql';
import { CALLBACK_OUTCOMES, CallbackOutcome, SATISFACTION_LEVELS, Satisfaction } from '@hotline/contracts';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v.replace(/-/g, '_'), v])) as Record<string, T>;

/** GraphQL enum names cannot hold '-': no-answer → no_answer (the value stays the code). */
export const CallbackOutcomeEnum = asEnum<CallbackOutcome>(CALLBACK_OUTCOMES);
registerEnumType(CallbackOutcomeEnum, {
  name: 'CallbackOutcome',
  description: '呼叫结果：reached 已接通 no_answer 无人接听 refused 拒绝回访 wrong_number 号码错误',
});

export const SatisfactionEnum = asEnum<Satisfaction>(SATISFACTION_LEVELS);
registerEnumType(SatisfactionEnum, { name: 'Satisfaction', description: '满意度：satisfied 满意 basically 基本满意 dissatisfied 不满意' });

export const QUEUE_VIEWS = ['mine', 'unassigned', 'all'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];
export const QueueViewEnum = asEnum<QueueView>(QUEUE_VIEWS);
registerEnumType(QueueViewEnum, { name: 'CallbackQueueView', description: '待回访视图：mine 我的 unassigned 未领取 all 全部' });
