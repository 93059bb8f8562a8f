import type { EventData } from '@hotline/contracts';
import type { ConsumerDefinition } from '@hotline/service-kit';
import { ClusterCaseProjection, ReplyScriptProjection } from './reply-script.entity';

/** Keeps dispatch's projection of published 统一答复口径 versions. */
export const replyScriptsConsumer = (): ConsumerDefinition => ({
  name: 'dispatch-reply-scripts',
  subject: 'hotline.script.>',
  handlers: {
    'hotline.script.published': async (e, em) => {
      const d = e.data as EventData<'hotline.script.published'>;
      await em.upsert(
        ReplyScriptProjection,
        {
          scriptId: d.scriptId,
          version: d.version,
          scope: d.scope,
          scopeKey: d.scopeKey,
          title: d.title,
          text: d.text,
          status: 'published',
          publishedAt: new Date(d.publishedAt),
          retiredAt: null,
        },
        { onConflictAction: 'ignore' },
      );
    },
    'hotline.script.retired': async (e, em) => {
      const d = e.data as EventData<'hotline.script.retired'>;
      // Published first (supervision records both in one transaction, in order): a retirement
      // without its version is not yet handled — retry.
      const s = await em.findOne(ReplyScriptProjection, { scriptId: d.scriptId, version: d.version });
      if (!s) throw new Error(`script ${d.scriptId} v${d.version} not yet known`);
      Object.assign(s, { status: 'retired', retiredAt: new Date(d.retiredAt) });
      await em.flush();
    },
  },
});

/** Which cases belong to which cluster (聚类), for the cluster's scripts. */
export const clusterCasesConsumer = (): ConsumerDefinition => ({
  name: 'dispatch-clusters',
  subject: 'hotline.cluster.>',
  handlers: {
    'hotline.cluster.detected': async (e, em) => {
      const d = e.data as EventData<'hotline.cluster.detected'>;
      for (const caseId of d.caseIds) await em.upsert(ClusterCaseProjection, { clusterId: d.clusterId, caseId }, { onConflictAction: 'ignore' });
    },
    'hotline.cluster.updated': async (e, em) => {
      const d = e.data as EventData<'hotline.cluster.updated'>;
      for (const caseId of d.addedCaseIds) await em.upsert(ClusterCaseProjection, { clusterId: d.clusterId, caseId }, { onConflictAction: 'ignore' });
    },
  },
});
