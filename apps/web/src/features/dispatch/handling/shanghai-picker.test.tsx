import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render } from '@testing-library/react';
import {
  contactDateDisabled,
  contactedAtForApi,
  contactTimeError,
  defaultExtensionUntil,
  extensionUntilError,
  fromPickerValue,
  shanghaiGenerateConfig,
  shanghaiNow,
  ShanghaiDatePicker,
  toPickerValue,
} from './shanghai-picker';

const FMT = 'YYYY-MM-DD HH:mm';
const previousTz = process.env.TZ;

/** The walkthrough's case: 办理时限 22:55 Beijing time = 14:55 UTC. */
const DEADLINE = '2026-11-25T14:55:00.000Z';

for (const zone of ['America/New_York', 'UTC', 'Asia/Shanghai', 'Pacific/Auckland']) {
  describe(`Shanghai pickers with the browser in ${zone}`, () => {
    beforeAll(() => {
      process.env.TZ = zone;
    });
    afterAll(() => {
      process.env.TZ = previousTz;
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('runs in the intended zone', () => {
      const hours = new Date('2026-01-15T12:00:00Z').getHours();
      expect(hours).toBe({ 'America/New_York': 7, UTC: 12, 'Asia/Shanghai': 20, 'Pacific/Auckland': 1 }[zone]);
    });

    it('shows an instant as its Beijing date and time and converts back exactly', () => {
      const v = toPickerValue(DEADLINE)!;
      expect(v.format(FMT)).toBe('2026-11-25 22:55');
      expect(v.hour()).toBe(22);
      expect(fromPickerValue(v)).toBe(DEADLINE);
      expect(toPickerValue(null)).toBeNull();
      expect(toPickerValue('not a date')).toBeNull();
    });

    it('proposes the deadline + 7 days at the same Beijing time (not the browser time)', () => {
      expect(defaultExtensionUntil(DEADLINE)?.format(FMT)).toBe('2026-12-02 22:55');
      expect(fromPickerValue(defaultExtensionUntil(DEADLINE)!)).toBe('2026-12-02T14:55:00.000Z');
      expect(defaultExtensionUntil(null)).toBeUndefined();
    });

    it('takes "now" (此刻 and today) from the Beijing clock', () => {
      vi.useFakeTimers({ now: new Date('2026-03-07T18:30:00Z') }); // 2026-03-08 02:30 in Beijing
      expect(shanghaiGenerateConfig.getNow().format(FMT)).toBe('2026-03-08 02:30');
      expect(shanghaiNow().format(FMT)).toBe('2026-03-08 02:30');
    });

    it('reads typed and clicked values as Beijing time, also across the browser zone’s DST changes', () => {
      // 02:30 on 2026-03-08 does not exist in New York (DST starts), 01:30 on 2026-11-01 happens twice there.
      const typed = shanghaiGenerateConfig.locale.parse('zh_CN', '2026-03-08 02:30', [FMT])!;
      expect(fromPickerValue(typed)).toBe('2026-03-07T18:30:00.000Z');
      const ambiguous = shanghaiGenerateConfig.locale.parse('zh_CN', '2026-11-01 01:30', [FMT])!;
      expect(fromPickerValue(ambiguous)).toBe('2026-10-31T17:30:00.000Z');
      // What the picker does when a day cell and then 09:55 are clicked.
      const cfg = shanghaiGenerateConfig;
      const clicked = cfg.setMinute(cfg.setHour(cfg.setDate(cfg.setMonth(cfg.getNow(), 2), 8), 2), 30);
      expect(clicked.format('MM-DD HH:mm')).toBe('03-08 02:30');
      expect(fromPickerValue(cfg.setYear(clicked, 2026))).toBe('2026-03-07T18:30:00.000Z');
      expect(cfg.locale.parse('zh_CN', '2026-13-45 99:99', [FMT])).toBeNull();
      expect(cfg.locale.format('zh_CN', toPickerValue(DEADLINE)!, FMT)).toBe('2026-11-25 22:55');
    });

    it('validates 申请延至 against the deadline in absolute time', () => {
      const now = '2026-11-25T10:00:00Z'; // 18:00 Beijing, before the deadline
      expect(extensionUntilError(toPickerValue('2026-11-25T14:56:00Z'), DEADLINE, now)).toBeNull();
      expect(extensionUntilError(toPickerValue(DEADLINE), DEADLINE, now)).toBe('申请延至的时间须晚于当前办理时限');
      expect(extensionUntilError(toPickerValue('2026-12-25T14:56:00Z'), DEADLINE, now)).toBe('一次延期最多 30 天');
      expect(extensionUntilError(null, DEADLINE, now)).toBe('请选择申请延至的时间');
    });

    it('refuses a 申请延至 already past with its own message, never another date in its place', () => {
      const now = '2026-11-25T10:00:00Z';
      const past = '申请延至的时间已经过去，请选择当前办理时限之后的时间';
      expect(extensionUntilError(toPickerValue('2026-11-20T10:00:00Z'), DEADLINE, now)).toBe(past);
      expect(extensionUntilError(toPickerValue(now), DEADLINE, now)).toBe(past);
      // The picker keeps a typed past day (no day is disabled): the form shows the message for it.
      const { container } = render(<ShanghaiDatePicker value={toPickerValue('2026-11-20T10:00:00Z')} showTime format={FMT} />);
      expect(container.querySelector('input')?.value).toBe('2026-11-20 18:00');
    });

    it('validates 联系时间: not in the future, not before dispatch', () => {
      const now = '2026-11-25T14:00:00Z'; // 22:00 Beijing
      const dispatchedAt = '2026-11-25T12:55:00Z'; // 20:55 Beijing
      expect(contactTimeError(toPickerValue('2026-11-25T13:30:00Z'), now, dispatchedAt)).toBeNull();
      expect(contactTimeError(toPickerValue('2026-11-25T14:30:00Z'), now, dispatchedAt)).toBe('联系时间不能晚于当前时间（北京时间）');
      expect(contactTimeError(toPickerValue('2026-11-25T12:00:00Z'), now, dispatchedAt)).toBe('联系时间不能早于分转时间');
      expect(contactTimeError(null, now)).toBe('请选择联系时间');
      // Within the minute of the dispatch / of now the instant is kept inside [dispatch, now].
      expect(contactTimeError(toPickerValue('2026-11-25T12:55:00Z'), now, '2026-11-25T12:55:05.941Z')).toBeNull();
      expect(contactedAtForApi(toPickerValue('2026-11-25T12:55:00Z')!, now, '2026-11-25T12:55:05.941Z')).toBe('2026-11-25T12:55:05.941Z');
      expect(contactedAtForApi(toPickerValue('2026-11-25T14:00:40Z')!, '2026-11-25T14:00:20Z', dispatchedAt)).toBe('2026-11-25T14:00:00.000Z');
      expect(contactedAtForApi(toPickerValue('2026-11-25T13:30:00Z')!, now, dispatchedAt)).toBe('2026-11-25T13:30:00.000Z');
      // 2026-11-25 22:00 in Beijing is still 11-25 there, whatever the browser's date is.
      expect(contactDateDisabled(toPickerValue('2026-11-25T01:00:00Z')!, now, dispatchedAt)).toBe(false);
      expect(contactDateDisabled(toPickerValue('2026-11-25T16:30:00Z')!, now, dispatchedAt)).toBe(true); // 11-26 00:30
      expect(contactDateDisabled(toPickerValue('2026-11-24T12:00:00Z')!, now, dispatchedAt)).toBe(true);
    });

    it('renders the Beijing time in the picker', () => {
      const { container } = render(<ShanghaiDatePicker value={toPickerValue(DEADLINE)} showTime format={FMT} />);
      expect(container.querySelector('input')?.value).toBe('2026-11-25 22:55');
    });
  });
}
