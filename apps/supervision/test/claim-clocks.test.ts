import { describe, expect, it } from 'vitest';
import { createCalendar, seedOverrides } from '@hotline/calendar';
import { applyEvent, ClockDef, ClockRecord, EngineContext } from '../src/clocks/clock-engine';
import { checkDefinition, DEFAULT_DEFINITIONS } from '../src/definitions/definition-rules';

const cal = createCalendar({ years: [2026], overrides: seedOverrides([2026]) });
const since = new Date('2000-01-01T00:00:00Z');
const at = (s: string) => new Date(s);

describe('a pending 不纳入考核 claim pauses the handling clock where its definition says so', () => {
  const general = DEFAULT_DEFINITIONS.find((d) => d.key === 'handle-general')!;
  // The administrator's version: pause while a claim is pending, resume when it is rejected or withdrawn.
  const withClaims = checkDefinition({
    ...general,
    triggers: {
      ...general.triggers,
      pauseOn: [...general.triggers.pauseOn, 'hotline.exclusion.submitted'],
      resumeOn: [...general.triggers.resumeOn, 'hotline.exclusion.rejected'],
    },
  });
  const defs: ClockDef[] = [{ ...withClaims, id: 'd1', version: 2, createdAt: since, supersededAt: null } as ClockDef];
  let n = 0;
  const ctx: EngineContext = { calendar: cal, definitionsAt: () => defs, definitionById: (id) => defs.find((d) => d.id === id), newId: () => `c${++n}` };
  const facts = { requestType: 'complaint', topic: '物业', tier: 'general', urgency: 'normal', leadDepartmentId: 'dept-1' as string | null };

  it('the definition is accepted; submitted pauses, rejected resumes, and the due time moves by the paused working time', () => {
    const clocks: ClockRecord[] = [];
    const moves = [
      { type: 'hotline.case.dispatched', at: at('2026-03-02T10:00:00+08:00'), data: {} },
      { type: 'hotline.exclusion.submitted', at: at('2026-03-03T10:00:00+08:00'), data: {} },
      { type: 'hotline.exclusion.rejected', at: at('2026-03-04T10:00:00+08:00'), data: { withdrawn: false } },
    ].flatMap((e) => applyEvent(ctx, 'case-1', clocks, e, facts).map((t) => `${t.kind}:${t.clock.kind}`));
    expect(moves).toEqual(['started:handle', 'paused:handle', 'resumed:handle']);
    // 7 working days from Mon 2 Mar 10:00 = Wed 11 Mar 10:00; paused one working day → Thu 12 Mar 10:00.
    expect(clocks[0].dueAt).toEqual(at('2026-03-12T10:00:00+08:00'));
  });

  it('a trigger that is neither a case event nor a claim decision is refused', () => {
    expect(() => checkDefinition({ ...general, triggers: { ...general.triggers, pauseOn: ['hotline.exclusion.invented'] } })).toThrow();
  });
});
