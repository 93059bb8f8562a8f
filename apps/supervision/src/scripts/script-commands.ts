import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { createEvent, redactText, SCRIPT_SCOPES, SUPERVISION_ERRORS } from '@hotline/contracts';
import { actorOf, AuthUser, isUuid, parseInput, recordEvent, codedError } from '@hotline/service-kit';
import { ReplyScript, ReplyScriptVersion } from './reply-script.entity';
import { assertApprovable, assertPublishable, assertRevisable } from './script-rules';

const title = z.string().trim().min(2, '口径标题至少 2 个字').max(100, '口径标题最多 100 个字');
const text = z.string().trim().min(5, '口径内容至少 5 个字').max(2000, '口径内容最多 2000 个字');

export const CreateScriptCommand = z.object({
  scope: z.enum(SCRIPT_SCOPES, '口径适用范围无效'),
  scopeKey: z.string().trim().min(1, '请填写适用的问题类型、项目或聚类').max(100, '适用范围最多 100 个字'),
  title,
  text,
});
export const ReviseScriptCommand = z.object({ scriptId: z.string().min(1), title, text });
export const ScriptVersionCommand = z.object({ scriptId: z.string().min(1), version: z.number().int().min(1, '版本号无效') });

/** The cluster a cluster-scoped script is for must exist (checked by the caller that knows clusters). */
export type ClusterExists = (em: EntityManager, clusterId: string) => Promise<boolean>;

/** The script, locked for the rest of the transaction (its versions change one at a time). */
async function loadScript(em: EntityManager, scriptId: string): Promise<ReplyScript> {
  const s = isUuid(scriptId) ? await em.findOne(ReplyScript, { id: scriptId }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (!s) throw codedError(SUPERVISION_ERRORS.SCRIPT_NOT_FOUND);
  return s;
}

async function loadVersion(em: EntityManager, scriptId: string, version: number): Promise<ReplyScriptVersion> {
  const s = await loadScript(em, scriptId);
  const v = await em.findOne(ReplyScriptVersion, { scriptId: s.id, version });
  if (!v) throw codedError(SUPERVISION_ERRORS.SCRIPT_VERSION_NOT_FOUND);
  return v;
}

/** 新建口径: the script and its first version, a draft. */
export async function createScript(em: EntityManager, user: AuthUser, input: unknown, clusterExists: ClusterExists): Promise<ReplyScript> {
  const cmd = parseInput(CreateScriptCommand, input);
  return em.transactional(async (tx) => {
    if (cmd.scope === 'cluster' && !(isUuid(cmd.scopeKey) && (await clusterExists(tx, cmd.scopeKey)))) throw codedError(SUPERVISION_ERRORS.UNKNOWN_CLUSTER);
    const now = new Date();
    const s = tx.create(ReplyScript, { id: randomUUID(), scope: cmd.scope, scopeKey: cmd.scopeKey, createdAt: now, createdBy: user.id });
    await tx.flush(); // no ORM relation orders the inserts: the script goes first (foreign key)
    tx.create(ReplyScriptVersion, {
      id: randomUUID(),
      scriptId: s.id,
      version: 1,
      title: cmd.title,
      text: cmd.text,
      status: 'draft',
      createdAt: now,
      createdBy: user.id,
    });
    await tx.flush();
    return s;
  });
}

/** 修订: a new draft version (the published one stays in force until the new one is published). */
export async function reviseScript(em: EntityManager, user: AuthUser, input: unknown): Promise<ReplyScriptVersion> {
  const cmd = parseInput(ReviseScriptCommand, input);
  return em.transactional(async (tx) => {
    const s = await loadScript(tx, cmd.scriptId);
    const versions = await tx.find(ReplyScriptVersion, { scriptId: s.id }, { orderBy: { version: 'desc' } });
    assertRevisable(versions.map((v) => v.status));
    const v = tx.create(ReplyScriptVersion, {
      id: randomUUID(),
      scriptId: s.id,
      version: (versions[0]?.version ?? 0) + 1,
      title: cmd.title,
      text: cmd.text,
      status: 'draft',
      createdAt: new Date(),
      createdBy: user.id,
    });
    await tx.flush();
    return v;
  });
}

/** 审核: a supervisor approves a draft. */
export async function approveScriptVersion(em: EntityManager, user: AuthUser, input: unknown): Promise<ReplyScriptVersion> {
  const cmd = parseInput(ScriptVersionCommand, input);
  return em.transactional(async (tx) => {
    const v = await loadVersion(tx, cmd.scriptId, cmd.version);
    assertApprovable(v.status);
    Object.assign(v, { status: 'approved', approvedAt: new Date(), approvedBy: user.id });
    await tx.flush();
    return v;
  });
}

/**
 * 发布: an approved version becomes the one offered to departments (`hotline.script.published`,
 * title and text redacted); the version published before it is retired (`hotline.script.retired`).
 */
export async function publishScriptVersion(em: EntityManager, user: AuthUser, input: unknown): Promise<ReplyScriptVersion> {
  const cmd = parseInput(ScriptVersionCommand, input);
  return em.transactional(async (tx) => {
    const s = await loadScript(tx, cmd.scriptId);
    const v = await loadVersion(tx, s.id, cmd.version);
    assertPublishable(v.status);
    const now = new Date();
    const previous = await tx.find(ReplyScriptVersion, { scriptId: s.id, status: 'published' });
    for (const p of previous) Object.assign(p, { status: 'retired', retiredAt: now });
    Object.assign(v, { status: 'published', publishedAt: now, publishedBy: user.id });
    await tx.flush();
    for (const p of previous) {
      await recordEvent(
        tx,
        createEvent({
          type: 'hotline.script.retired',
          source: 'supervision',
          actor: actorOf(user),
          data: { scriptId: s.id, version: p.version, retiredAt: now.toISOString(), reason: 'superseded' },
        }),
      );
    }
    await recordEvent(
      tx,
      createEvent({
        type: 'hotline.script.published',
        source: 'supervision',
        actor: actorOf(user),
        data: {
          scriptId: s.id,
          version: v.version,
          scope: s.scope,
          scopeKey: s.scopeKey,
          title: redactText(v.title).slice(0, 100),
          text: redactText(v.text).slice(0, 2000),
          publishedAt: now.toISOString(),
        },
      }),
    );
    return v;
  });
}

/** 停用: the published version is withdrawn; replies may no longer follow it. */
export async function retireScript(em: EntityManager, user: AuthUser, input: unknown): Promise<ReplyScriptVersion> {
  const cmd = parseInput(z.object({ scriptId: z.string().min(1) }), input);
  return em.transactional(async (tx) => {
    const s = await loadScript(tx, cmd.scriptId);
    const v = await tx.findOne(ReplyScriptVersion, { scriptId: s.id, status: 'published' });
    if (!v) throw codedError(SUPERVISION_ERRORS.SCRIPT_NOT_PUBLISHED);
    const now = new Date();
    Object.assign(v, { status: 'retired', retiredAt: now });
    await tx.flush();
    await recordEvent(
      tx,
      createEvent({
        type: 'hotline.script.retired',
        source: 'supervision',
        actor: actorOf(user),
        data: { scriptId: s.id, version: v.version, retiredAt: now.toISOString(), reason: 'withdrawn' },
      }),
    );
    return v;
  });
}
