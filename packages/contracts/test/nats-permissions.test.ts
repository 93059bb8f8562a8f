import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_PRODUCERS, EVENT_TYPES, LIVE_SERVICES } from '../src';

const LIVE = LIVE_SERVICES.map((s) => s.name) as string[];

/**
 * In production every service connects as its own NATS user whose publish allow-list names the
 * events it produces (infra/nats/accounts.conf, the same file for Kubernetes). An event added to
 * the catalogue but not to that list would be refused by the server and stall the service's
 * outbox: this keeps the two in step.
 */
const repo = path.resolve(__dirname, '..', '..', '..');
const FILES = ['infra/nats/accounts.conf', 'infra/k8s/nats/accounts.conf'];

/** `user: <name>` blocks and the subjects in their publish allow-lists. */
function publishAllowLists(conf: string): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  const userRe = /user:\s*([a-z]+)\s*\n\s*password:[^\n]*\n\s*permissions:\s*\{\s*publish:\s*\{\s*allow:\s*\[([\s\S]*?)\]/g;
  for (const m of conf.matchAll(userRe))
    lists.set(
      m[1],
      [...m[2].matchAll(/"([^"]+)"/g)].map((s) => s[1]),
    );
  return lists;
}

/** NATS subject matching: `*` is one token, `>` the rest. */
function allows(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return s.length > i;
    if (i >= s.length || (p[i] !== '*' && p[i] !== s[i])) return false;
  }
  return p.length === s.length;
}

describe('NATS permissions match the event catalogue', () => {
  for (const file of FILES) {
    it(`${file}: every producer may publish each of its events, and no other service may`, () => {
      const lists = publishAllowLists(fs.readFileSync(path.join(repo, file), 'utf8'));
      expect([...lists.keys()]).toEqual(expect.arrayContaining(LIVE));
      const missing: string[] = [];
      const foreign: string[] = [];
      for (const type of EVENT_TYPES) {
        const producer = EVENT_PRODUCERS[type];
        if (!lists.get(producer)!.some((p) => allows(p, type))) missing.push(`${producer} → ${type}`);
        for (const [user, allow] of lists) {
          if (user !== producer && LIVE.includes(user) && allow.some((p) => allows(p, type))) foreign.push(`${user} → ${type}`);
        }
      }
      expect(missing, 'events their producer may not publish').toEqual([]);
      expect(foreign, 'events another service may publish').toEqual([]);
    });
  }

  it('the Kubernetes copies of the NATS files (kustomize reads only its own folder) match infra/nats', () => {
    for (const name of ['accounts.conf', 'provision-streams.sh']) {
      expect(fs.readFileSync(path.join(repo, 'infra/k8s/nats', name), 'utf8'), name).toBe(fs.readFileSync(path.join(repo, 'infra/nats', name), 'utf8'));
    }
  });

  it('the matcher follows NATS wildcards', () => {
    expect(allows('hotline.case.>', 'hotline.case.signed')).toBe(true);
    expect(allows('hotline.*.signed', 'hotline.case.signed')).toBe(true);
    expect(allows('hotline.case.signed', 'hotline.case.signed-twice')).toBe(false);
    expect(allows('hotline.case', 'hotline.case.signed')).toBe(false);
    expect(allows('hotline.case.>', 'hotline.case')).toBe(false);
  });
});
