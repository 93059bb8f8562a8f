import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs tsc on a project; resolves to its output and whether it passed. */
function tsc(project: string): { ok: boolean; output: string } {
  const bin = require.resolve('typescript/bin/tsc');
  try {
    return { ok: true, output: execFileSync(process.execPath, [bin, '-p', project], { encoding: 'utf8' }) };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

const dir = path.join(__dirname, 'typed-roles');

describe('@Authorized is typed by our roles', () => {
  it('each misspelt role or unknown scope in roles.check.ts is a type error (every @ts-expect-error is met)', () => {
    const r = tsc(path.join(dir, 'tsconfig.json'));
    expect(r.output).toBe('');
    expect(r.ok).toBe(true);
  });

  it('without the @ts-expect-error lines, tsc refuses the file and names the misspelt role', () => {
    const copy = path.join(dir, 'roles.unchecked.ts');
    const project = path.join(dir, 'tsconfig.unchecked.json');
    fs.writeFileSync(copy, fs.readFileSync(path.join(dir, 'roles.check.ts'), 'utf8').replace(/^\s*\/\/ @ts-expect-error.*$/gm, ''));
    fs.writeFileSync(project, JSON.stringify({ extends: './tsconfig.json', files: ['roles.unchecked.ts'] }));
    try {
      const r = tsc(project);
      expect(r.ok).toBe(false);
      expect(r.output).toMatch(/roles\.unchecked\.ts\(\d+,\d+\): error TS\d+: Type '"dutty"' is not assignable to type 'AccessRule'/);
      expect(r.output).toContain(`'"scope:dispatch.reply:write"'`);
      expect(r.output.match(/error TS/g)).toHaveLength(3);
    } finally {
      fs.rmSync(copy, { force: true });
      fs.rmSync(project, { force: true });
    }
  });
});
