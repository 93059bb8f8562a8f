import type { DispatchCase } from '../cases/dispatch-case.entity';

/** A unified reply script (统一答复口径) offered to the department for a case. */
export interface ReplyScriptOffer {
  scriptId: string;
  version: number;
  title: string;
  text: string;
}

/**
 * The seam to supervision, which owns reply scripts (and publishes `hotline.script.published`).
 * When supervision exists, dispatch will keep a projection of published scripts and implement
 * this by matching topic / project / cluster; until then no script applies. The reply accepts a
 * `scriptId` already, stores it and carries it on `hotline.case.replied` / `.completed`.
 */
export interface ReplyScriptSource {
  scriptFor(c: DispatchCase): Promise<ReplyScriptOffer | null>;
}

export const noReplyScripts: ReplyScriptSource = { scriptFor: async () => null };
