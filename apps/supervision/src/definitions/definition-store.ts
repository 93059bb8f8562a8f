import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuthUser, parseInput, codedError } from '@hotline/service-kit';
import type { ClockDef } from '../clocks/clock-engine';
import { ClockDefinition } from './clock-definition.entity';
import { checkDefinition, DEFAULT_DEFINITIONS, DefinitionCommand, DefinitionInput } from './definition-rules';
import { SUPERVISION_ERRORS } from '@hotline/contracts';

/** The seeded defaults are in force "since always", so a case received before the first start still gets its clocks. */
export const DEFAULTS_SINCE = new Date('2000-01-01T00:00:00Z');

/** Every version of every definition, cached per process and reloaded when one is saved. */
/** The definitions' revision (the row count and the latest creation), as an expression of a select list. */
export const DEFINITIONS_REVISION_SQL = `(select count(*)::int || ':' || coalesce(max(created_at), 'epoch')::text from sup_clock_definition)`;

export class DefinitionStore {
  private cached?: { rev: string; all: ClockDef[]; byId: Map<string, ClockDef> };

  /** `rev`: the revision when the caller has just read it (DEFINITIONS_REVISION_SQL), else it is read here. */
  async load(
    em: EntityManager,
    rev?: string,
  ): Promise<{ definitionsAt(at: Date): ClockDef[]; definitionById(id: string): ClockDef | undefined; all: ClockDef[] }> {
    rev ??= (await em.execute<Array<{ rev: string }>>(`select ${DEFINITIONS_REVISION_SQL} as rev`))[0].rev;
    if (this.cached?.rev !== rev) {
      const all = await em.fork().find(ClockDefinition, {}, { orderBy: { key: 'asc', version: 'asc' } });
      this.cached = { rev, all, byId: new Map(all.map((d) => [d.id, d])) };
    }
    const { all, byId } = this.cached;
    return {
      all,
      // The versions in force at an instant: created by then and not yet superseded.
      definitionsAt: (at) => all.filter((d) => d.createdAt <= at && (!d.supersededAt || d.supersededAt > at)),
      definitionById: (id) => byId.get(id),
    };
  }
}

/** Creates the default definitions when the table is empty (first start). */
export async function seedDefinitions(em: EntityManager): Promise<number> {
  return em.transactional(async (tx) => {
    await tx.execute('lock table sup_clock_definition in exclusive mode');
    if ((await tx.count(ClockDefinition, {})) > 0) return 0;
    for (const d of DEFAULT_DEFINITIONS) {
      tx.create(ClockDefinition, {
        ...checkDefinition(d),
        id: randomUUID(),
        version: 1,
        note: d.note ?? null,
        createdAt: DEFAULTS_SINCE,
        createdBy: 'system',
        supersededAt: null,
      });
    }
    await tx.flush();
    return DEFAULT_DEFINITIONS.length;
  });
}

/**
 * Saves a definition: a new key gets version 1; an existing key gets a new version that
 * supersedes the current one from now on. Clocks keep the version they started under.
 */
export async function saveDefinition(em: EntityManager, user: AuthUser, input: unknown): Promise<ClockDefinition> {
  const cmd: DefinitionCommand = checkDefinition(parseInput(DefinitionInput, input));
  return em.transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`sup-def:${cmd.key}`]);
    const current = await tx.findOne(ClockDefinition, { key: cmd.key, supersededAt: null });
    if (current && current.kind !== cmd.kind) throw codedError(SUPERVISION_ERRORS.KIND_CHANGED, { key: cmd.key, kind: current.kind });
    const now = new Date();
    if (current) current.supersededAt = now;
    const last = await tx.findOne(ClockDefinition, { key: cmd.key }, { orderBy: { version: 'desc' } });
    const d = tx.create(ClockDefinition, {
      ...cmd,
      id: randomUUID(),
      version: (last?.version ?? 0) + 1,
      note: cmd.note ?? null,
      createdAt: now,
      createdBy: user.username || user.id,
      supersededAt: null,
    });
    await tx.flush();
    return d;
  });
}

export async function definitionHistory(em: EntityManager, key: string): Promise<ClockDefinition[]> {
  const rows = await em.find(ClockDefinition, { key }, { orderBy: { version: 'desc' } });
  if (rows.length === 0) throw codedError(SUPERVISION_ERRORS.DEFINITION_NOT_FOUND);
  return rows;
}
