import type { ConsumerDefinition } from '@hotline/service-kit';
import { BonusItemRow } from './bonus-item.entity';

/** 加分 → 三率: each entry of publicity's bonus ledger becomes a bonus item of its month (once). */
export const publicityAwardsConsumer = (): ConsumerDefinition => ({
  name: 'callback-publicity-bonus',
  subject: 'hotline.publicity.>',
  handlers: {
    'hotline.publicity.awarded': async (e, em) => {
      const d = e.data as { entryId: string; itemId: string; kind: string; month: string; points: number; departmentId: string | null; awardedAt: string };
      await em.upsert(
        BonusItemRow,
        {
          entryId: d.entryId,
          itemId: d.itemId,
          kind: d.kind,
          month: d.month,
          points: d.points,
          departmentId: d.departmentId,
          awardedAt: new Date(d.awardedAt),
        },
        { onConflictAction: 'ignore' },
      );
    },
  },
});
