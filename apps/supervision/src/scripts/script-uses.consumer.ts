import type { EventData } from '@hotline/contracts';
import type { ConsumerDefinition } from '@hotline/service-kit';

/**
 * Use of each script version, counted from dispatch's `hotline.case.replied` (its scriptId and
 * scriptVersion): the reply is dispatch's, the count is supervision's, and the event is the seam —
 * no service reads the other's tables. The consumer's inbox makes a redelivery count once.
 */
export const scriptUsesConsumer = (): ConsumerDefinition => ({
  name: 'supervision-script-uses',
  subject: 'hotline.case.>',
  handlers: {
    'hotline.case.replied': async (e, em) => {
      const d = e.data as EventData<'hotline.case.replied'>;
      if (!d.scriptId || !d.scriptVersion) return;
      await em.execute(
        `insert into sup_reply_script_use (script_id, version, uses, last_used_at) values (?, ?, 1, ?)
         on conflict (script_id, version) do update set uses = sup_reply_script_use.uses + 1, last_used_at = greatest(sup_reply_script_use.last_used_at, excluded.last_used_at)`,
        [d.scriptId, d.scriptVersion, new Date(d.repliedAt)],
      );
    },
  },
});
