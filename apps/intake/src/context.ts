import type { ServiceContext } from '@hotline/service-kit';
import type { ReplySource } from './feedback/completion-reply';
import type { CallbackTaskCheck } from './personal-data/callback-task-check';

/** What intake's resolvers receive besides the kit's context. */
export type IntakeContext = ServiceContext & {
  /** Whether a 回访 agent holds an open callback task on a case (callback's service-scoped query). */
  callbackTasks: CallbackTaskCheck;
  /** The 办结反馈 webhook's settings as configured (the stored endpoint overrides them). */
  feedbackConfig: { FEEDBACK_WEBHOOK_URL?: string; FEEDBACK_WEBHOOK_SECRET?: string };
  /** A completed case's approved reply, read from dispatch with intake's service token. */
  replies: ReplySource;
};
