import { describe, expect, it } from 'vitest';
import { buildAsyncApi, createEvent, digest, EventContractError, maskAddress, maskName, maskPhone, scrubText, validateEvent } from '../src';

const actor = { userId: 'u1', role: 'duty' as const };

describe('event envelope', () => {
  it('builds a valid received event at the latest version', () => {
    const e = createEvent({
      type: 'hotline.case.received',
      source: 'intake',
      actor,
      caseId: 'c1',
      data: {
        externalNo: 'BJ2026-1',
        channel: 'district',
        receivedAt: new Date().toISOString(),
        requestType: 'complaint',
        topic: '物业',
        urgency: 'normal',
        tier: 'general',
        title: '电梯停运',
        contentDigest: '电梯停运三天',
      },
    });
    expect(e.version).toBe(1);
    expect(e.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(validateEvent(JSON.parse(JSON.stringify(e)))).toEqual(e);
  });

  it('refuses an unknown type, a bad payload and a missing actor', () => {
    const base = { id: '7c3c1c1e-8a9b-4c61-9a53-2d8f0a0b6f10', version: 1, occurredAt: new Date().toISOString(), source: 'x', actor };
    expect(() => validateEvent({ ...base, type: 'hotline.case.vanished', data: {} })).toThrow(/unknown event type/);
    expect(() => validateEvent({ ...base, type: 'hotline.case.signed', data: { externalNo: 'a' } })).toThrow(EventContractError);
    expect(() => validateEvent({ ...base, actor: undefined, type: 'hotline.case.signed', data: { externalNo: 'a', signedAt: base.occurredAt } })).toThrow(
      /envelope/,
    );
    expect(() => validateEvent({ ...base, version: 9, type: 'hotline.case.signed', data: { externalNo: 'a', signedAt: base.occurredAt } })).toThrow(
      /version 9/,
    );
  });

  it('refuses an event that carries a phone number or a personal field', () => {
    const base = {
      id: '7c3c1c1e-8a9b-4c61-9a53-2d8f0a0b6f10',
      version: 1,
      occurredAt: new Date().toISOString(),
      source: 'x',
      actor,
      type: 'hotline.case.replied',
    };
    const data = { externalNo: 'a', departmentId: 'd', result: 'solved', repliedAt: base.occurredAt, replyDigest: '已联系13812345678' };
    expect(() => validateEvent({ ...base, data })).toThrow(/personal data/);
    expect(() => validateEvent({ ...base, data: { ...data, replyDigest: 'ok', citizenPhone: 'x' } })).toThrow(/personal data/);
  });
});

describe('personal data', () => {
  it('masks names, phones and addresses', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskAddress('北京市经济技术开发区荣华中路10号院3号楼')).toBe('北京市经济技****');
  });
  it('scrubs numbers from free text and digests to 60 characters', () => {
    expect(scrubText('请回电13812345678或010-67881234')).toBe('请回电138****5678或010-****34');
    expect(scrubText('身份证110101199003071234')).toBe('身份证110***********1234');
    expect(Array.from(digest('长'.repeat(100))).length).toBe(60);
  });
});

describe('asyncapi', () => {
  it('documents every event type as a channel', () => {
    const doc = buildAsyncApi() as { channels: Record<string, unknown> };
    expect(Object.keys(doc.channels)).toContain('hotline.case.dispatched');
  });
});

describe('docs/asyncapi.json', () => {
  it('is what the contracts generate (run `npm run schema` when this fails)', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const committed = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'docs', 'asyncapi.json'), 'utf8');
    expect(committed).toBe(`${JSON.stringify(buildAsyncApi(), null, 2)}\n`);
  });
});

describe('findPersonalData on identifiers', () => {
  it('does not mistake a UUID or an order number for a phone or ID number', async () => {
    const { findPersonalData } = await import('../src');
    expect(findPersonalData({ caseId: '0b7a3c2e-1f4d-4e8a-9c1b-a13912345678' })).toBeUndefined();
    expect(findPersonalData({ id: '0b7a3c2e-1f4d-4e8a-9c1b-a13912345678', externalNo: '110101199003071234' })).toBeUndefined();
    expect(findPersonalData({ data: { leadDepartmentId: 'x13912345678', assistDepartmentIds: ['a13912345678'] } })).toBeUndefined();
    expect(findPersonalData({ actor: { system: 'open311:1268b385-50b6-45fb-b361-bd8387713965' } })).toBeUndefined();
    expect(findPersonalData({ data: { note: '见 0b7a3c2e-1f4d-4e8a-9c1b-a13912345678' } })).toBeUndefined();
    expect(findPersonalData({ data: { note: '请联系 13912345678' } })).toBe('$.data.note');
  });

  it("a received event's caller key is a 64-hex hash whose digit runs are not a phone; a phone there is refused", () => {
    const base = {
      externalNo: 'BJ2026-2',
      channel: 'district' as const,
      receivedAt: new Date().toISOString(),
      requestType: 'complaint' as const,
      topic: '物业',
      urgency: 'normal' as const,
      tier: 'general' as const,
      title: '电梯停运',
      contentDigest: '电梯停运三天',
    };
    const callerKey = `a13912345678${'0'.repeat(52)}`;
    expect(createEvent({ type: 'hotline.case.received', source: 'intake', actor, caseId: 'c2', data: { ...base, callerKey } }).data).toMatchObject({
      callerKey,
    });
    expect(() => createEvent({ type: 'hotline.case.received', source: 'intake', actor, caseId: 'c2', data: { ...base, callerKey: '13912345678' } })).toThrow(
      EventContractError,
    );
  });
});
