import type { EntityManager } from '@mikro-orm/postgresql';
import { Actor, createEvent, IDENTITY_ERRORS } from '@hotline/contracts';
import { codedError, parseInput, recordEvent } from '@hotline/service-kit';
import { z } from 'zod';
import { Department } from './department.entity';

export const DepartmentCommand = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,31}$/, '编码须为 2-32 位小写字母、数字或连字符，以字母开头'),
  name: z.string().trim().min(2, '名称至少 2 个字').max(50, '名称最多 50 个字'),
});
export const DepartmentUpdateCommand = z.object({
  name: z.string().trim().min(2, '名称至少 2 个字').max(50, '名称最多 50 个字').optional(),
  active: z.boolean().optional(),
});

const upserted = (d: Department, actor: Actor) =>
  createEvent({ type: 'hotline.department.upserted', source: 'identity', actor, data: { departmentId: d.id, code: d.code, name: d.name, active: d.active } });

export function listDepartments(em: EntityManager): Promise<Department[]> {
  return em.find(Department, {}, { orderBy: { code: 'asc' } });
}

/** 新建科室 */
export async function createDepartment(em: EntityManager, actor: Actor, input: unknown): Promise<Department> {
  const cmd = parseInput(DepartmentCommand, input);
  return em.transactional(async (tx) => {
    if (await tx.findOne(Department, { code: cmd.code })) throw codedError(IDENTITY_ERRORS.DEPARTMENT_CODE_TAKEN, { code: cmd.code });
    const d = tx.create(Department, cmd);
    await tx.flush();
    await recordEvent(tx, upserted(d, actor));
    return d;
  });
}

/** 修改 / 停用科室 */
export async function updateDepartment(em: EntityManager, actor: Actor, id: string, input: unknown): Promise<Department> {
  const cmd = parseInput(DepartmentUpdateCommand, input);
  return em.transactional(async (tx) => {
    const d = await tx.findOne(Department, { id });
    if (!d) throw codedError(IDENTITY_ERRORS.DEPARTMENT_NOT_FOUND);
    tx.assign(d, Object.fromEntries(Object.entries(cmd).filter(([, v]) => v !== undefined)));
    await tx.flush();
    await recordEvent(tx, upserted(d, actor));
    return d;
  });
}

/** Creates or renames departments by code (demo seed and configured department lists). */
export async function ensureDepartments(em: EntityManager, list: Array<{ code: string; name: string }>): Promise<void> {
  await em.transactional(async (tx) => {
    for (const item of list) {
      const existing = await tx.findOne(Department, { code: item.code });
      if (existing && existing.name === item.name) continue;
      const d = existing ?? tx.create(Department, item);
      d.name = item.name;
      await tx.flush();
      await recordEvent(tx, upserted(d, { system: 'identity' }));
    }
  });
}
