import type { EntityManager } from '@mikro-orm/postgresql';
import { parseInput, codedError } from '@hotline/service-kit';
import { z } from 'zod';
import { Topic } from './topic.entity';
import { INTAKE_ERRORS } from '@hotline/contracts';

/** The whole taxonomy in display order. */
export function listTopics(em: EntityManager, opts: { activeOnly?: boolean } = {}): Promise<Topic[]> {
  return em.find(Topic, opts.activeOnly ? { active: true } : {}, { orderBy: { sort: 'asc', code: 'asc' } });
}

/** Topics a case can carry: active ones without children (the leaves). */
export function leafTopics(all: Topic[]): Topic[] {
  const parents = new Set(all.map((t) => t.parentCode).filter(Boolean));
  return all.filter((t) => t.active && !parents.has(t.code));
}

/** 上级 › 下级 path of a topic, e.g. 房屋交付与销售 › 延期交房. */
export function topicPath(all: Topic[], code: string): string[] {
  const byCode = new Map(all.map((t) => [t.code, t]));
  const out: string[] = [];
  for (let t = byCode.get(code); t && out.length < 10; t = t.parentCode ? byCode.get(t.parentCode) : undefined) out.unshift(t.name);
  return out;
}

export const UpsertTopicCommand = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{2,64}$/, '编码只能包含小写字母、数字和连字符'),
  name: z.string().trim().min(1, '请填写主题名称').max(50),
  parentCode: z.string().trim().nullish(),
  sort: z.number().int().default(0),
  active: z.boolean().default(true),
  description: z.string().trim().max(200).nullish(),
});

/** Adds or changes a topic (admin). A parent must exist and a topic cannot be its own ancestor. */
export async function upsertTopic(em: EntityManager, input: unknown): Promise<Topic> {
  const cmd = parseInput(UpsertTopicCommand, input);
  return em.transactional(async (tx) => {
    const all = await tx.find(Topic, {});
    if (cmd.parentCode) {
      if (!all.some((t) => t.code === cmd.parentCode)) throw codedError(INTAKE_ERRORS.UNKNOWN_PARENT_TOPIC);
      if (cmd.parentCode === cmd.code || topicPath(all, cmd.parentCode).includes(all.find((t) => t.code === cmd.code)?.name ?? '\u0000')) {
        throw codedError(INTAKE_ERRORS.TOPIC_CYCLE);
      }
    }
    const clash = all.find((t) => t.name === cmd.name && t.code !== cmd.code);
    if (clash) throw codedError(INTAKE_ERRORS.TOPIC_NAME_TAKEN, { name: cmd.name, code: clash.code });
    const t = all.find((x) => x.code === cmd.code) ?? tx.create(Topic, { code: cmd.code, name: cmd.name });
    Object.assign(t, { name: cmd.name, parentCode: cmd.parentCode ?? null, sort: cmd.sort, active: cmd.active, description: cmd.description ?? null });
    await tx.flush();
    return t;
  });
}
