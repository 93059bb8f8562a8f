import { describe, expect, it } from 'vitest';
import { DomainError } from '@hotline/service-kit';
import { loadWorkingCalendar, workingDaysAfter, workingDaysAfterDate, workingDaysBefore, beijingMonth } from '../src/calendar/working-calendar';
import { planEpisodeTasks } from '../src/episodes/plan-tasks';
import { missingMaterial, nextStage, stageDays } from '../src/typical-cases/stages';

const cal = loadWorkingCalendar();
const days = { draft: 5, review: 3, submit: 2 };

describe('typical-case stages (典型案例)', () => {
  it('walks drafting → reviewing → approved → submitted → awarded, and back to drafting on review', () => {
    expect(nextStage('sendForReview', 'drafting')).toBe('reviewing');
    expect(nextStage('sendBack', 'reviewing')).toBe('drafting');
    expect(nextStage('approve', 'reviewing')).toBe('approved');
    expect(nextStage('submit', 'approved')).toBe('submitted');
    expect(nextStage('award', 'submitted')).toBe('awarded');
    expect(nextStage('reject', 'submitted')).toBe('rejected');
  });

  it('refuses an action in the wrong stage with CONFLICT / WRONG_STAGE', () => {
    for (const [action, stage] of [
      ['submit', 'drafting'],
      ['award', 'approved'],
      ['award', 'awarded'],
      ['draft', 'submitted'],
      ['reject', 'rejected'],
    ] as const) {
      try {
        nextStage(action, stage);
        expect.unreachable(`${action} in ${stage}`);
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        expect((e as DomainError).code).toBe('CONFLICT');
        expect((e as DomainError).reason).toBe('WRONG_STAGE');
      }
    }
  });

  it('gives the open stages a deadline and the waiting / closed ones none', () => {
    expect(stageDays('drafting', days)).toBe(5);
    expect(stageDays('reviewing', days)).toBe(3);
    expect(stageDays('approved', days)).toBe(2);
    expect(stageDays('submitted', days)).toBeNull();
    expect(stageDays('awarded', days)).toBeNull();
  });

  it('names the missing material: the text (≥ 100 characters) and at least one file', () => {
    expect(missingMaterial({ draftText: null }, 0)).toHaveLength(2);
    expect(missingMaterial({ draftText: '短'.repeat(99) }, 1)).toEqual(['案例正文（不少于 100 字）']);
    expect(missingMaterial({ draftText: '长'.repeat(100) }, 0)).toEqual(['至少一份佐证材料（图片、文档或音视频）']);
    expect(missingMaterial({ draftText: '长'.repeat(100) }, 1)).toEqual([]);
  });
});

describe('deadlines on the working calendar', () => {
  it('counts working days over the National Day holiday and its swapped Saturday (2026)', () => {
    // Mon 2026-09-28 10:00 Beijing; 1–7 Oct are holidays and Saturday 10 Oct is a working day (2026 notice).
    const from = new Date('2026-09-28T10:00:00+08:00');
    expect(workingDaysAfter(cal, from, 3).toISOString()).toBe(new Date('2026-10-08T10:00:00+08:00').toISOString());
    expect(workingDaysAfter(cal, from, 5).toISOString()).toBe(new Date('2026-10-10T10:00:00+08:00').toISOString());
  });

  it('puts a preparation task at the end of the working day before an air date, skipping the weekend', () => {
    // Air on Monday 2026-12-07: one working day before is Friday 4 Dec.
    expect(workingDaysBefore(cal, '2026-12-07', 1).toISOString()).toBe(new Date('2026-12-04T23:59:59+08:00').toISOString());
    // A follow-up 2 working days after Friday 2026-12-04 ends on Tuesday 8 Dec.
    expect(workingDaysAfterDate(cal, '2026-12-04', 2).toISOString()).toBe(new Date('2026-12-08T23:59:59+08:00').toISOString());
  });

  it('past the loaded years counts natural days (as dispatch does), and still refuses a malformed date', () => {
    // 2027's notice is not bundled: 5 days after Wed 30 Dec 2026 end on Mon 4 Jan 2027, weekend included.
    expect(workingDaysAfterDate(cal, '2026-12-30', 5).toISOString()).toBe(new Date('2027-01-04T23:59:59+08:00').toISOString());
    expect(workingDaysAfter(cal, new Date('2026-12-30T10:00:00+08:00'), 5).toISOString()).toBe(new Date('2027-01-04T10:00:00+08:00').toISOString());
    // Two days before an air date on Tue 5 Jan 2027: the end of Sun 3 Jan.
    expect(workingDaysBefore(cal, '2027-01-05', 2).toISOString()).toBe(new Date('2027-01-03T23:59:59+08:00').toISOString());
    try {
      workingDaysAfterDate(cal, '2026-13-45', 1);
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).code).toBe('BAD_USER_INPUT');
    }
  });

  it('reads the month in Beijing time (23:30 UTC on 31 Jan is already February there)', () => {
    expect(beijingMonth(new Date('2026-01-31T23:30:00Z'))).toBe('2026-02');
  });

  it('plans one preparation and one follow-up task per participating department without explicit tasks', () => {
    const plan = planEpisodeTasks(cal, '2026-12-07', ['d1', 'd2'], { preparationDays: 1, followUpDays: 2 });
    expect(plan.map((t) => `${t.departmentId}:${t.phase}`)).toEqual(['d1:preparation', 'd1:follow-up', 'd2:preparation', 'd2:follow-up']);
    expect(plan[0].dueAt.toISOString()).toBe(new Date('2026-12-04T23:59:59+08:00').toISOString());
    expect(plan[1].dueAt.toISOString()).toBe(new Date('2026-12-09T23:59:59+08:00').toISOString());
  });
});
