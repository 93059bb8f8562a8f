import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { createLogger } from '../src/logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

describe('logs carry no personal data', () => {
  it('redacts personal fields and masks phone and ID numbers in messages, fields and errors', () => {
    const { lines, stream } = capture();
    const log = createLogger('test', 'info', stream);
    log.info(
      { citizenName: '张三丰', citizenPhone: '13812345678', nested: { address: '荣京东街3号院5号楼', note: '回电13912345678' } },
      '来电人身份证110101199003071234',
    );
    log.error({ err: new Error('could not reach 13700001111') }, 'failed');
    const out = lines.join('\n');
    expect(out).not.toMatch(/张三丰|13812345678|13912345678|13700001111|110101199003071234|荣京东街3号院/);
    expect(out).toContain('[redacted]');
    expect(out).toContain('139****5678');
    expect(JSON.parse(lines[0]).msg).toBe('来电人身份证110***********1234');
  });

  it("redacts names and door numbers typed into free text (the issue's example), with the one redaction function", () => {
    const { lines, stream } = capture();
    const log = createLogger('test', 'info', stream);
    log.warn({ title: '王先生反映荣华中路15号3单元502漏水', content: '我叫王建国，住荣华中路15号3单元502室' }, '收到工单：我叫王建国');
    const out = lines.join('\n');
    expect(out).not.toMatch(/王建国|王先生|15号3单元502|502室/);
    expect(JSON.parse(lines[0]).msg).toBe('收到工单：我叫***');
  });

  it('logs a database error without its statement (the values a failed insert carried)', () => {
    const { lines, stream } = capture();
    const log = createLogger('test', 'info', stream);
    // What the driver raises when a case's insert fails: the SQL with its values, then PostgreSQL's message and detail.
    const pgError = Object.assign(
      new Error(
        `insert into "intake_case" ("citizen_name", "address", "content") values ('张三丰', '荣京东街3号院5号楼', '我家漏水') - duplicate key value violates unique constraint "intake_case_external_no_unique"\n - detail: Key (external_no)=(E-张三丰) already exists.`,
      ),
      { code: '23505', table: 'intake_case', constraint: 'intake_case_external_no_unique', routine: '_bt_check_unique' },
    );
    log.error({ err: new UniqueConstraintViolationException(pgError) }, 'unexpected error in a resolver');
    const entry = JSON.parse(lines[0]);
    expect(lines[0]).not.toMatch(/张三丰|荣京东街|我家漏水|insert into/);
    expect(entry.err).toMatchObject({
      type: 'UniqueConstraintViolationException',
      code: '23505',
      table: 'intake_case',
      constraint: 'intake_case_external_no_unique',
    });
    expect(entry.err.stack).toMatch(/^\s*at /);
  });
});
