import { describe, expect, it } from 'vitest';
import { classifyByRules, DEFAULT_INTAKE_RULES } from '../src/classification/rules';
import { bigrams, jaccard, matchRepeat, repeatSignals, textSimilarity } from '../src/repeats/similarity';
import { revealDecision } from '../src/personal-data/reveal-policy';
import { MAX_WINDOW_DAYS, parseRequestQuery } from '../src/open311/open311-query';
import { serviceRequestOf, toXml } from '../src/open311/open311-format';
import { parseTime, resolveColumns, rowToInput } from '../src/imports/column-mapping';

const base = { requestType: 'complaint' as const, topic: '物业', title: '电梯故障', content: '5号楼电梯坏了' };
const none = { repeatCount: 0, clusterCount: 0 };

describe('classifyByRules (分类分级)', () => {
  const rules = DEFAULT_INTAKE_RULES;
  it('simple for 咨询/建议/表扬, general otherwise, difficult for the configured topics', () => {
    expect(classifyByRules({ ...base, requestType: 'consultation' }, rules, none).tier).toBe('simple');
    expect(classifyByRules({ ...base, requestType: 'praise' }, rules, none).tier).toBe('simple');
    expect(classifyByRules(base, rules, none)).toMatchObject({ tier: 'general', ruleIds: ['tier:default'] });
    expect(classifyByRules({ ...base, topic: '延期交房' }, rules, none)).toMatchObject({ tier: 'difficult', ruleIds: ['tier:topic'] });
  });
  it('repeats and bursts make even a consultation difficult', () => {
    expect(classifyByRules({ ...base, requestType: 'consultation' }, rules, { repeatCount: 2, clusterCount: 0 })).toMatchObject({
      tier: 'difficult',
      ruleIds: ['tier:repeat'],
    });
    expect(classifyByRules(base, rules, { repeatCount: 1, clusterCount: 0 }).tier).toBe('general');
    expect(classifyByRules(base, rules, { repeatCount: 0, clusterCount: 4 })).toMatchObject({ tier: 'difficult', ruleIds: ['tier:cluster'] });
    expect(classifyByRules(base, rules, { repeatCount: 0, clusterCount: 3 }).tier).toBe('general');
  });
  it('raises urgency by keywords, never lowers what the platform gave', () => {
    expect(classifyByRules({ ...base, content: '老人被困电梯' }, rules, none).urgency).toBe('urgent');
    expect(classifyByRules({ ...base, content: '小区停水两天' }, rules, none).urgency).toBe('timely');
    expect(classifyByRules({ ...base, urgency: 'urgent', content: '小区停水' }, rules, none).urgency).toBe('urgent');
    expect(classifyByRules(base, { ...rules, urgentKeywords: [] }, none).urgency).toBe('normal');
  });
  it('follows changed rules: a bureau may make 物业 difficult', () => {
    expect(classifyByRules(base, { ...rules, difficultTopics: ['物业'] }, none).tier).toBe('difficult');
  });
});

describe('repeat detection (重复件)', () => {
  it('compares Chinese text by character bigrams, ignoring punctuation and numbers', () => {
    expect([...bigrams('电梯坏了！')]).toEqual(['电梯', '梯坏', '坏了']);
    expect(jaccard(bigrams('电梯坏了'), bigrams('电梯坏了'))).toBe(1);
    expect(textSimilarity('5号楼电梯坏了', '7号楼电梯坏了')).toBe(1);
    expect(textSimilarity('工地夜间施工噪音扰民', '物业费上涨未公示')).toBe(0);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
  const earlier = {
    citizenPhone: '13811112222',
    address: '荣华中路10号院',
    projectName: '金茂悦',
    topic: '延期交房',
    title: '延期交房',
    content: '金茂悦二期延期交房无说法，要求交房',
  };
  it('scores the same phone 1, same address 0.9, same project 0.8, else the text similarity', () => {
    expect(matchRepeat({ ...earlier, address: null, projectName: null, content: '别的事' }, earlier, 0.45)).toEqual({ score: 1, reasons: ['同一来电号码'] });
    expect(matchRepeat({ ...earlier, citizenPhone: '13900000000', projectName: null, content: 'x' }, earlier, 0.45)?.score).toBe(0.9);
    expect(matchRepeat({ ...earlier, citizenPhone: '13900000000', address: null, content: 'x', title: 'y' }, earlier, 0.45)).toEqual({
      score: 0.8,
      reasons: ['同一楼盘同一主题'],
    });
    const text = matchRepeat({ ...earlier, citizenPhone: '13900000000', address: null, projectName: null }, earlier, 0.45);
    expect(text?.reasons[0]).toMatch(/^诉求内容相似/);
    expect(
      matchRepeat(
        { ...earlier, citizenPhone: '13900000000', address: null, projectName: null, topic: '物业', title: '电梯', content: '电梯坏了' },
        earlier,
        0.45,
      ),
    ).toBeNull();
  });
  it('counts repeats (same citizen or address) and the cluster (same project and topic)', () => {
    const others = [
      earlier,
      { ...earlier, citizenPhone: '13900000000', address: '别处' },
      { ...earlier, citizenPhone: '13700000000', address: '别处', topic: '物业' },
    ];
    expect(repeatSignals(earlier, others)).toEqual({ repeatCount: 1, clusterCount: 2 });
  });
});

describe('revealDecision (查看完整信息)', () => {
  const subject = { confidential: false, anonymous: false, stage: 'dispatched' as const, departmentIds: ['d1'] };
  it('duty always, handler unless confidential, callback after the reply and only holding the task, others never', () => {
    expect(revealDecision('duty', { ...subject, confidential: true }).allowed).toBe(true);
    expect(revealDecision('handler', subject).allowed).toBe(true);
    expect(revealDecision('handler', { ...subject, confidential: true })).toMatchObject({ allowed: false, reason: 'CONFIDENTIAL_CASE' });
    expect(revealDecision('callback', subject)).toMatchObject({ allowed: false, reason: 'NOT_YET_FOR_CALLBACK' });
    expect(revealDecision('callback', { ...subject, stage: 'completed' })).toMatchObject({ allowed: false, reason: 'NO_CALLBACK_TASK' });
    expect(revealDecision('callback', { ...subject, stage: 'completed', holdsCallbackTask: false })).toMatchObject({
      allowed: false,
      reason: 'NO_CALLBACK_TASK',
    });
    expect(revealDecision('callback', { ...subject, stage: 'completed', holdsCallbackTask: true }).allowed).toBe(true);
    expect(revealDecision('callback', { ...subject, stage: 'awaitingCallback', holdsCallbackTask: true }).allowed).toBe(true); // 待回访
    for (const role of ['admin', 'supervisor', 'leader', 'partner'] as const) expect(revealDecision(role, subject).allowed).toBe(false);
  });
});

describe('Open311', () => {
  const now = new Date('2026-11-25T00:00:00Z');
  it('GET /requests: 90 days at most, defaults to the last 90, ids override everything', () => {
    const d = parseRequestQuery({}, now);
    expect((d.to.getTime() - d.from.getTime()) / 86_400_000).toBe(MAX_WINDOW_DAYS);
    expect(() => parseRequestQuery({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-02T00:00:00Z' }, now)).toThrow(/90/);
    expect(parseRequestQuery({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-03-31T00:00:00Z' }, now).from.toISOString()).toBe(
      '2026-01-01T00:00:00.000Z',
    );
    expect(parseRequestQuery({ start_date: '2026-01-01T00:00:00Z' }, now).to.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(() => parseRequestQuery({ start_date: 'soon' }, now)).toThrow(/start_date/);
    expect(() => parseRequestQuery({ status: 'pending' }, now)).toThrow(/status/);
    expect(parseRequestQuery({ service_request_id: 'A,B', start_date: 'ignored' }, now).ids).toEqual(['A', 'B']);
  });
  it('a service request carries no personal data, and renders as the spec XML', () => {
    const r = serviceRequestOf(
      {
        externalNo: 'BJ-1',
        stage: 'completed',
        topic: '物业',
        content: '请回电13812345678',
        street: '荣华街道',
        community: null,
        projectName: '林肯公园',
        latitude: 39.795312,
        longitude: 116.506123,
        receivedAt: now,
        updatedAt: now,
        deadlineAt: null,
        attachments: [],
      },
      'property',
    );
    expect(r).toMatchObject({
      status: 'closed',
      status_notes: '已办结',
      description: '请回电138****5678',
      address: '荣华街道 林肯公园',
      lat: 39.795,
      long: 116.506,
    });
    expect(toXml('service_requests', [{ service_request_id: 'A&B', lat: null }])).toBe(
      '<?xml version="1.0" encoding="utf-8"?><service_requests><request><service_request_id>A&amp;B</service_request_id><lat/></request></service_requests>',
    );
  });
});

describe('import rows (导入)', () => {
  it('reads Beijing wall-clock times from text and from Excel date cells', () => {
    expect((parseTime('2026-11-01 09:30') as Date).toISOString()).toBe('2026-11-01T01:30:00.000Z');
    expect((parseTime('2026/11/01 09:30:15') as Date).toISOString()).toBe('2026-11-01T01:30:15.000Z');
    expect((parseTime(new Date(Date.UTC(2026, 10, 1, 9, 30))) as Date).toISOString()).toBe('2026-11-01T01:30:00.000Z');
    expect(parseTime('2026年13月')).toBe('invalid');
    expect(parseTime('')).toBeNull();
  });
  it('maps a row by header, converting Chinese labels, and reports each problem with its column', () => {
    const { columns } = resolveColumns(['工单编号', '受理时间', '标题', '诉求内容', '诉求类型', '主题', '是否匿名', '紧急程度']);
    const ok = rowToInput(
      2,
      { 工单编号: 'A1', 受理时间: '2026-11-01 09:30', 标题: 't', 诉求内容: 'c', 诉求类型: '投诉', 主题: '物业', 是否匿名: '是', 紧急程度: '紧急' },
      columns,
    );
    expect(ok.input).toMatchObject({ externalNo: 'A1', requestType: 'complaint', anonymous: true, urgency: 'urgent', channel: 'import' });
    const bad = rowToInput(3, { 工单编号: 'A2', 受理时间: 'x', 诉求内容: 'c', 诉求类型: '闲聊', 主题: '物业', 是否匿名: '也许' }, columns);
    expect(bad.problems.map((p) => p.column).sort()).toEqual(['受理时间', '是否匿名', '标题', '诉求类型'].sort());
    expect(resolveColumns(['标题']).problems.map((p) => p.column)).toContain('工单编号');
  });
});

describe('办结反馈 webhook', () => {
  it('signs timestamp and body with HMAC-SHA256 and verifies only the exact payload', async () => {
    const { signPayload, verifySignature, nextDelayMs } = await import('../src/feedback/webhook');
    const sig = signPayload('secret-secret-secret', '1764000000', '{"a":1}');
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature('secret-secret-secret', '1764000000', '{"a":1}', sig)).toBe(true);
    expect(verifySignature('secret-secret-secret', '1764000001', '{"a":1}', sig)).toBe(false);
    expect(verifySignature('other-secret-secret', '1764000000', '{"a":1}', sig)).toBe(false);
    expect([1, 2, 3, 4].map((n) => nextDelayMs(n, 2000))).toEqual([2000, 4000, 8000, 16000]);
    expect(nextDelayMs(30, 2000)).toBe(3_600_000);
  });
});
