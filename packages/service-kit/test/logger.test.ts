import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(chunk.toString()); done(); } });
  return { lines, stream };
}

describe('logs carry no personal data', () => {
  it('redacts personal fields and masks phone and ID numbers in messages, fields and errors', () => {
    const { lines, stream } = capture();
    const log = createLogger('test', 'info', stream);
    log.info({ citizenName: '张三丰', citizenPhone: '13812345678', nested: { address: '荣京东街3号院5号楼', note: '回电13912345678' } }, '来电人身份证110101199003071234');
    log.error({ err: new Error('could not reach 13700001111') }, 'failed');
    const out = lines.join('\n');
    expect(out).not.toMatch(/张三丰|13812345678|13912345678|13700001111|110101199003071234|荣京东街3号院/);
    expect(out).toContain('[redacted]');
    expect(out).toContain('139****5678');
    expect(JSON.parse(lines[0]).msg).toBe('来电人身份证110***********1234');
  });
});
