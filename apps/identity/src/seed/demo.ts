import fs from 'node:fs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ensureDepartments } from '../departments/department.service';
import { Department } from '../departments/department.entity';
import { hashPassword } from '../auth/passwords';
import { User, UserRole } from '../users/user.entity';

/** The 8 departments (科室) of the example bureau; replace with DEPARTMENTS_FILE. */
export const DEMO_DEPARTMENTS = [
  { code: 'property', name: '物业管理科' },
  { code: 'housing', name: '房屋交付科' },
  { code: 'sales', name: '商品房销售科' },
  { code: 'construction', name: '施工管理科' },
  { code: 'planning', name: '规划建设科' },
  { code: 'quality', name: '工程质量科' },
  { code: 'municipal', name: '市政设施科' },
  { code: 'office', name: '综合办公室' },
];

export const DEMO_PASSWORD = 'demo12345';

const DEMO_USERS: Array<{ username: string; displayName: string; role: UserRole }> = [
  { username: 'admin', displayName: '系统管理员', role: 'admin' },
  { username: 'duty', displayName: '值守员 王敏', role: 'duty' },
  { username: 'supervisor', displayName: '督办员 李强', role: 'supervisor' },
  { username: 'callback', displayName: '回访员 赵丽', role: 'callback' },
  { username: 'leader', displayName: '局领导 陈刚', role: 'leader' },
];

export function departmentsFromFile(file: string): Array<{ code: string; name: string }> {
  const list = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(list) || !list.every((d) => typeof d?.code === 'string' && typeof d?.name === 'string')) {
    throw new Error(`DEPARTMENTS_FILE ${file} must be a JSON array of { "code": "...", "name": "..." }`);
  }
  return list;
}

/** Demo data only: departments, one login per role and one handler per department. Idempotent. */
export async function seedDemo(em: EntityManager): Promise<void> {
  await ensureDepartments(em, DEMO_DEPARTMENTS);
  const departments = await em.find(Department, {});
  const wanted = [
    ...DEMO_USERS.map((u) => ({ ...u, departmentId: null as string | null })),
    ...departments
      .filter((d) => DEMO_DEPARTMENTS.some((x) => x.code === d.code))
      .map((d) => ({ username: `handler-${d.code}`, displayName: `${d.name}承办人`, role: 'handler' as const, departmentId: d.id })),
  ];
  const existing = new Set((await em.find(User, { username: { $in: wanted.map((w) => w.username) } })).map((u) => u.username));
  const missing = wanted.filter((w) => !existing.has(w.username));
  if (missing.length === 0) return;
  const hashes = await Promise.all(missing.map(() => hashPassword(DEMO_PASSWORD)));
  await em.transactional(async (tx) => {
    missing.forEach((w, i) => tx.create(User, { ...w, passwordHash: hashes[i] }));
  });
}
