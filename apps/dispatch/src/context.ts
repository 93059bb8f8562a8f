import type { ServiceContext } from '@hotline/service-kit';
import type { Suggester } from './dispatching/assign';
import type { ReplyScriptSource } from './replies/reply-scripts';
import type { DispatchModel } from './suggestions/dispatch-model';

/** What dispatch's resolvers receive besides the kit's context. */
export type DispatchContext = ServiceContext & {
  dispatchLimitMinutes: number;
  /** The routing suggestion recorded with each dispatch (rule or model). */
  suggest: Suggester;
  replyScripts: ReplyScriptSource;
  /** The learned routing model (in memory, retrained on demand and on a schedule). */
  model: DispatchModel;
};
