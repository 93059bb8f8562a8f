import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { beijingDate } from '@hotline/calendar';
import { runMeetingsScreens } from '../../web/e2e/meetings-screens.e2e';
import { departments } from './dispatch-helpers';
import { as, gatewayUrl, receive } from './helpers';

/**
 * The 调度会 and 督办事项 screens in a real Chromium (Debian's package) against the real system.
 * Screenshots of each step are kept in apps/gateway/test-artifacts/browser-meetings/.
 */
describe('the dispatch meeting screens in a real browser', () => {
  it('a supervisor reads a meeting’s material, records a decision with a task and downloads the minutes; the department marks the task done', async () => {
    const [duty, supervisor] = await Promise.all([as('duty'), as('supervisor')]);
    const dept = await departments(duty);
    const c = await receive(duty, { title: `浏览器测试：调度会议题工单 ${Date.now() % 100000}` });
    const today = beijingDate(new Date());
    const year = Number(today.slice(0, 4));
    const days = (
      await duty.request<{ workingCalendar: Array<{ date: string; working: boolean }> }>('query($y: Int!) { workingCalendar(year: $y) { date working } }', {
        y: year,
      })
    ).workingCalendar;
    const dueDate = days.find((d) => d.working && d.date > today)?.date ?? days.filter((d) => d.working && d.date >= today).at(-1)?.date;
    expect(dueDate, 'a working day from today on in the loaded calendar').toBeTruthy();
    // supervision learns of the case from intake's event: retry until it knows it.
    const title = `浏览器测试调度会 ${Date.now() % 100000}`;
    let meeting: { id: string; title: string } | undefined;
    for (let i = 0; i < 30 && !meeting; i++) {
      const r = await supervisor.raw<{ scheduleDispatchMeeting: { id: string; title: string } }>(
        'mutation($i: ScheduleDispatchMeetingInput!) { scheduleDispatchMeeting(input: $i) { id title } }',
        { i: { title, heldOn: today, departmentIds: [dept.property, dept.housing], topics: [{ title: '电梯停运问题', caseIds: [c.id] }] } },
      );
      if (r.data) meeting = r.data.scheduleDispatchMeeting;
      else await new Promise((res) => setTimeout(res, 500));
    }
    expect(meeting).toBeTruthy();
    const artifactsDir = path.resolve(__dirname, '..', 'test-artifacts', 'browser-meetings');
    fs.rmSync(artifactsDir, { recursive: true, force: true });
    const result = await runMeetingsScreens({ baseUrl: gatewayUrl(), artifactsDir, meeting: meeting!, case: c, dueDate: dueDate! });
    if (result.browserErrors.length) console.log(`[browser-meetings] browser errors:\n  ${result.browserErrors.join('\n  ')}`);
    expect(result.screenshots.length).toBeGreaterThanOrEqual(5);
    expect(result.minutesFile).toMatch(/\.docx$/);

    // What the browser did is in the system, as the API tells it.
    const m = await supervisor.request<{
      dispatchMeeting: {
        decisions: Array<{ tasks: Array<{ title: string; departmentName: string; dueDate: string; status: string; doneNote: string | null }> }>;
      };
    }>('query($id: ID!) { dispatchMeeting(id: $id) { decisions { tasks { title departmentName dueDate status doneNote } } } }', { id: meeting!.id });
    expect(m.dispatchMeeting.decisions.flatMap((d) => d.tasks)).toEqual([
      { title: result.taskTitle, departmentName: '物业管理科', dueDate, status: 'done', doneNote: '物业公司已在单元门口张贴维保记录' },
    ]);
  }, 240_000);
});
