import { z } from 'zod';
import { CLOCK_KINDS, EVENT_TYPES, REQUEST_TYPES, TIERS, URGENCIES, SUPERVISION_ERRORS } from '@hotline/contracts';
import { codedError } from '@hotline/service-kit';

/** Which cases a definition applies to; a missing field = any. */
export interface Selector {
  requestTypes?: string[];
  urgencies?: string[];
  tiers?: string[];
  topics?: string[];
}

export const TARGET_UNITS = ['natural-minutes', 'working-hours', 'working-days'] as const;
export type TargetUnit = (typeof TARGET_UNITS)[number];
export const TARGET_UNIT_LABELS: Record<TargetUnit, string> = { 'natural-minutes': '自然分钟', 'working-hours': '工作小时', 'working-days': '工作日' };

/** The case events that move a clock. */
export interface Triggers {
  startOn: string[];
  pauseOn: string[];
  resumeOn: string[];
  stopOn: string[];
  cancelOn: string[];
  resetOn: string[];
}
export const TRIGGER_KEYS = ['startOn', 'pauseOn', 'resumeOn', 'stopOn', 'cancelOn', 'resetOn'] as const;

/** Events a clock may listen to: the case's own events (not the clocks' or 催办's). */
export const CASE_EVENT_TYPES = EVENT_TYPES.filter((t) => t.startsWith('hotline.case.') && t !== 'hotline.case.urged') as string[];
/** 不纳入考核 decisions: a definition may pause a clock while a claim is pending (submitted → approved / rejected). */
export const EXCLUSION_EVENT_TYPES = EVENT_TYPES.filter((t) => t.startsWith('hotline.exclusion.')) as string[];
/** Everything a definition's triggers may name. */
export const CLOCK_TRIGGER_TYPES = [...CASE_EVENT_TYPES, ...EXCLUSION_EVENT_TYPES];

const list = z.array(z.string().trim().min(1).max(64)).max(50);

/** What an administrator submits to create a definition or a new version of one. */
export const DefinitionInput = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, '编码只能包含小写字母、数字和连字符（2–63 个字符）'),
  kind: z.enum(CLOCK_KINDS, '时钟类型无效'),
  name: z.string().trim().min(1, '请填写名称').max(100),
  selector: z.object({ requestTypes: list.optional(), urgencies: list.optional(), tiers: list.optional(), topics: list.optional() }).default({}),
  targetUnit: z.enum(TARGET_UNITS, '时限单位无效'),
  targetAmount: z.number().finite(),
  triggers: z.object({
    startOn: list,
    pauseOn: list.default([]),
    resumeOn: list.default([]),
    stopOn: list.default([]),
    cancelOn: list.default([]),
    resetOn: list.default([]),
  }),
  warnShares: z.array(z.number().int()).max(10).default([50, 75, 90]),
  priority: z.number().int().min(-1000).max(1000).default(0),
  deadlineFromEvent: z.boolean().default(false),
  active: z.boolean().default(true),
  note: z.string().trim().max(200).optional(),
});
export type DefinitionCommand = z.infer<typeof DefinitionInput>;

const KNOWN: Record<'requestTypes' | 'urgencies' | 'tiers', readonly string[]> = { requestTypes: REQUEST_TYPES, urgencies: URGENCIES, tiers: TIERS };

/**
 * The rules a definition must meet beyond its shape: a positive target, known events that start
 * it and stop it, triggers that do not contradict each other, shares inside (0, 100), and a
 * selector that can match a case. Each refusal is coded.
 */
export function checkDefinition(d: DefinitionCommand): DefinitionCommand {
  if (!(d.targetAmount > 0)) throw codedError(SUPERVISION_ERRORS.TARGET_NOT_POSITIVE);
  if (d.targetUnit === 'natural-minutes' && d.targetAmount > 366 * 24 * 60) throw codedError(SUPERVISION_ERRORS.TARGET_TOO_LONG);
  if (d.targetUnit !== 'natural-minutes' && d.targetAmount > 366) throw codedError(SUPERVISION_ERRORS.TARGET_TOO_LONG);
  for (const k of TRIGGER_KEYS) {
    const unknown = d.triggers[k].filter((t) => !CLOCK_TRIGGER_TYPES.includes(t));
    if (unknown.length) throw codedError(SUPERVISION_ERRORS.UNKNOWN_EVENT, { events: unknown.join('、') }, { field: `triggers.${k}`, events: unknown });
  }
  if (d.triggers.startOn.length === 0) throw codedError(SUPERVISION_ERRORS.NO_START_EVENT);
  if (d.triggers.stopOn.length + d.triggers.cancelOn.length === 0) throw codedError(SUPERVISION_ERRORS.NO_STOP_EVENT);
  const seen = new Map<string, string>();
  for (const k of TRIGGER_KEYS) {
    for (const t of d.triggers[k]) {
      // A start event may also reset (restart) the clock; any other double use is a contradiction.
      const prev = seen.get(t);
      if (prev && !(prev === 'startOn' && k === 'resetOn')) throw codedError(SUPERVISION_ERRORS.CONFLICTING_TRIGGERS, { event: t }, { event: t });
      seen.set(t, k);
    }
  }
  if (d.triggers.pauseOn.length > 0 !== d.triggers.resumeOn.length > 0) throw codedError(SUPERVISION_ERRORS.PAUSE_WITHOUT_RESUME);
  const shares = [...new Set(d.warnShares)].sort((a, b) => a - b);
  if (shares.some((s) => s <= 0 || s >= 100)) throw codedError(SUPERVISION_ERRORS.INVALID_WARN_SHARE);
  for (const f of ['requestTypes', 'urgencies', 'tiers'] as const) {
    const v = d.selector[f];
    if (!v) continue;
    const bad = v.filter((x) => !KNOWN[f].includes(x));
    if (v.length === 0 || bad.length)
      throw codedError(SUPERVISION_ERRORS.SELECTOR_MATCHES_NOTHING, { detail: `${f}: ${bad.join('、') || '空'}` }, { field: `selector.${f}` });
  }
  if (d.selector.topics && d.selector.topics.length === 0)
    throw codedError(SUPERVISION_ERRORS.SELECTOR_MATCHES_NOTHING, { detail: '主题为空' }, { field: 'selector.topics' });
  return { ...d, warnShares: shares, selector: Object.fromEntries(Object.entries(d.selector).filter(([, v]) => v !== undefined)) };
}

const HANDLE_TRIGGERS: Triggers = {
  startOn: ['hotline.case.dispatched'],
  pauseOn: ['hotline.case.extension-requested'],
  resumeOn: ['hotline.case.extension-refused', 'hotline.case.extended'],
  stopOn: ['hotline.case.replied'],
  cancelOn: ['hotline.case.returned'],
  resetOn: [],
};

/**
 * The defaults the product ships, from the draft DB11/T figures — 待与局方确认 (to confirm with
 * the bureau): sign at once (15 min), dispatch within 30 min, first contact within 1 working day,
 * handling urgent 2 h / timely 24 h / general 7 working days / complex (疑难类) 15 working days.
 * The callback clock (回访) arrives with the callback service.
 */
export const DEFAULT_DEFINITIONS: DefinitionCommand[] = [
  {
    key: 'sign',
    kind: 'sign',
    name: '签收时限（即时签收）',
    selector: {},
    targetUnit: 'natural-minutes',
    targetAmount: 15,
    triggers: { startOn: ['hotline.case.received'], pauseOn: [], resumeOn: [], stopOn: ['hotline.case.signed'], cancelOn: [], resetOn: [] },
    warnShares: [50, 75, 90],
    priority: 0,
    deadlineFromEvent: false,
    active: true,
    note: '默认值，待与局方确认',
  },
  {
    key: 'dispatch',
    kind: 'dispatch',
    name: '分转时限（30 分钟）',
    selector: {},
    targetUnit: 'natural-minutes',
    targetAmount: 30,
    triggers: {
      startOn: ['hotline.case.signed'],
      pauseOn: [],
      resumeOn: [],
      stopOn: ['hotline.case.dispatched'],
      cancelOn: [],
      resetOn: ['hotline.case.returned'],
    },
    warnShares: [50, 75, 90],
    priority: 0,
    deadlineFromEvent: false,
    active: true,
    note: '默认值，待与局方确认；退回后重新计时',
  },
  {
    key: 'contact',
    kind: 'contact',
    name: '首次联系时限（1 个工作日）',
    selector: {},
    targetUnit: 'working-days',
    targetAmount: 1,
    triggers: {
      startOn: ['hotline.case.dispatched'],
      pauseOn: [],
      resumeOn: [],
      stopOn: ['hotline.case.contacted', 'hotline.case.replied'],
      cancelOn: ['hotline.case.returned'],
      resetOn: [],
    },
    warnShares: [50, 75, 90],
    priority: 0,
    deadlineFromEvent: false,
    active: true,
    note: '默认值，待与局方确认',
  },
  {
    key: 'handle-urgent',
    kind: 'handle',
    name: '办理时限·紧急（2 小时）',
    selector: { urgencies: ['urgent'] },
    targetUnit: 'natural-minutes',
    targetAmount: 120,
    triggers: HANDLE_TRIGGERS,
    warnShares: [50, 75, 90],
    priority: 30,
    deadlineFromEvent: true,
    active: true,
    note: 'DB11/T 草案默认值，待与局方确认',
  },
  {
    key: 'handle-timely',
    kind: 'handle',
    name: '办理时限·及时（24 小时）',
    selector: { urgencies: ['timely'] },
    targetUnit: 'natural-minutes',
    targetAmount: 24 * 60,
    triggers: HANDLE_TRIGGERS,
    warnShares: [50, 75, 90],
    priority: 20,
    deadlineFromEvent: true,
    active: true,
    note: 'DB11/T 草案默认值，待与局方确认',
  },
  {
    key: 'handle-complex',
    kind: 'handle',
    name: '办理时限·疑难（15 个工作日）',
    selector: { tiers: ['difficult'] },
    targetUnit: 'working-days',
    targetAmount: 15,
    triggers: HANDLE_TRIGGERS,
    warnShares: [50, 75, 90],
    priority: 10,
    deadlineFromEvent: true,
    active: true,
    note: 'DB11/T 草案默认值，待与局方确认',
  },
  {
    key: 'handle-general',
    kind: 'handle',
    name: '办理时限·一般（7 个工作日）',
    selector: {},
    targetUnit: 'working-days',
    targetAmount: 7,
    triggers: HANDLE_TRIGGERS,
    warnShares: [50, 75, 90],
    priority: 0,
    deadlineFromEvent: true,
    active: true,
    note: 'DB11/T 草案默认值，待与局方确认',
  },
];
