// @vitest-environment node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RETURN_REASON_LABELS, RETURN_REASON_OPTIONS, returnReasonLabel, UNKNOWN_RETURN_REASON } from './labels';

/** The codes the server stores (packages/contracts RETURN_REASONS). */
const SERVER_CODES = ['not-our-duty', 'wrong-department', 'outside-bureau', 'duplicate', 'insufficient-info'];

describe('return-reason labels', () => {
  it('has a Chinese label for every code the server sends', () => {
    for (const code of SERVER_CODES) {
      expect(RETURN_REASON_LABELS[code]).toMatch(/[\u4e00-\u9fff]/);
      expect(returnReasonLabel(code)).toBe(RETURN_REASON_LABELS[code]);
    }
    expect(returnReasonLabel('not-our-duty')).toBe('不属于本科室职责');
    expect(returnReasonLabel('wrong-department')).toBe('分转科室错误');
  });

  it('accepts the GraphQL enum names too', () => {
    expect(returnReasonLabel('not_our_duty')).toBe('不属于本科室职责');
    expect(returnReasonLabel('insufficient_info')).toBe('诉求信息不全，无法办理');
  });

  it('never shows a code raw', () => {
    expect(returnReasonLabel('some-new-reason')).toBe(UNKNOWN_RETURN_REASON);
    expect(returnReasonLabel('')).toBe('其他原因');
    expect(returnReasonLabel(null)).toBe('其他原因');
    expect(returnReasonLabel(undefined)).toBe('其他原因');
  });

  it('offers exactly the ReturnReason enum values of the supergraph in the 退回 dialog', () => {
    const sdl = readFileSync(fileURLToPath(new URL('../../../../../gateway/supergraph.graphql', import.meta.url)), 'utf8');
    const body = /enum ReturnReason[^{]*\{([^}]*)\}/.exec(sdl)?.[1] ?? '';
    const values = [...body.matchAll(/^\s*([A-Za-z_][A-Za-z0-9_]*)/gm)].map((m) => m[1]);
    expect(values.length).toBe(5);
    expect(RETURN_REASON_OPTIONS.map((o) => o.value).sort()).toEqual([...values].sort());
    expect(RETURN_REASON_OPTIONS.every((o) => o.label === returnReasonLabel(o.value))).toBe(true);
  });
});
