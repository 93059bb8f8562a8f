import type { EntityManager } from '@mikro-orm/postgresql';
import { Actor, createEvent, IDENTITY_ERRORS } from '@hotline/contracts';
import { codedError, parseInput, recordEvent } from '@hotline/service-kit';
import { z } from 'zod';
import { hashPassword } from '../auth/passwords';
import { Department } from '../departments/department.entity';
import { User, USER_ROLES } from './user.entity';

const password = z.string().min(8, '密码至少 8 位').max(128, '密码最多 128 位');
export const CreateUserCommand = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_.-]{2,31}$/, '用户名须为 3-32 位小写字母、数字或 _ . -'),
  displayName: z.string().trim().min(1, '请填写姓名').max(50),
  password,
  role: z.enum(USER_ROLES),
  departmentId: z.uuid('科室无效').nullish(),
});
export const UpdateUserCommand = z.object({
  displayName: z.string().trim().min(1, '请填写姓名').max(50).optional(),
  role: z.enum(USER_ROLES).optional(),
  departmentId: z.uuid('科室无效').nullish(),
  active: z.boolean().optional(),
});

/** A handler works for exactly one active department; other roles for none. */
async function checkDepartment(em: EntityManager, role: string, departmentId: string | null | undefined): Promise<string | null> {
  if (role !== 'handler') {
    if (departmentId) throw codedError(IDENTITY_ERRORS.DEPARTMENT_NOT_ALLOWED);
    return null;
  }
  if (!departmentId) throw codedError(IDENTITY_ERRORS.DEPARTMENT_REQUIRED);
  const d = await em.findOne(Department, { id: departmentId });
  if (!d || !d.active) throw codedError(IDENTITY_ERRORS.UNKNOWN_DEPARTMENT);
  return d.id;
}

export const listUsers = (em: EntityManager) => em.find(User, {}, { orderBy: { username: 'asc' } });

/** 回访员: the active callback agents a supervisor may assign a callback task to. */
export const listCallbackAgents = (em: EntityManager) =>
  em.find(User, { role: 'callback', active: true }, { orderBy: { displayName: 'asc', username: 'asc' } });

/** 新建用户 */
export async function createUser(em: EntityManager, input: unknown): Promise<User> {
  const cmd = parseInput(CreateUserCommand, input);
  return em.transactional(async (tx) => {
    if (await tx.findOne(User, { username: cmd.username })) throw codedError(IDENTITY_ERRORS.USERNAME_TAKEN, { username: cmd.username });
    const departmentId = await checkDepartment(tx, cmd.role, cmd.departmentId);
    const u = tx.create(User, {
      username: cmd.username,
      displayName: cmd.displayName,
      role: cmd.role,
      departmentId,
      passwordHash: await hashPassword(cmd.password),
    });
    await tx.flush();
    return u;
  });
}

type RevocationReason = 'disabled' | 'role-changed' | 'department-changed' | 'password-reset';

/**
 * The user's tokens issued until now stop working at every service (hotline.user.tokens-revoked,
 * in the same transaction as the change): a disabled user, a changed role or department, a reset
 * password must not keep acting on the old token until it expires.
 */
async function revokeTokens(tx: EntityManager, actor: Actor, userId: string, reason: RevocationReason): Promise<void> {
  await recordEvent(
    tx,
    createEvent({ type: 'hotline.user.tokens-revoked', source: 'identity', actor, data: { userId, notBefore: new Date().toISOString(), reason } }),
  );
}

/** 修改用户：姓名、角色、科室、停用 */
export async function updateUser(em: EntityManager, actor: Actor, id: string, input: unknown): Promise<User> {
  const cmd = parseInput(UpdateUserCommand, input);
  return em.transactional(async (tx) => {
    const u = await tx.findOne(User, { id });
    if (!u) throw codedError(IDENTITY_ERRORS.USER_NOT_FOUND);
    const role = cmd.role ?? u.role;
    const departmentId =
      cmd.departmentId !== undefined || cmd.role !== undefined
        ? await checkDepartment(tx, role, cmd.departmentId === undefined ? u.departmentId : cmd.departmentId)
        : u.departmentId;
    const reason: RevocationReason | null =
      cmd.active === false && u.active
        ? 'disabled'
        : role !== u.role
          ? 'role-changed'
          : (departmentId ?? null) !== (u.departmentId ?? null)
            ? 'department-changed'
            : null;
    if (cmd.displayName !== undefined) u.displayName = cmd.displayName;
    if (cmd.active !== undefined) u.active = cmd.active;
    u.role = role;
    u.departmentId = departmentId;
    await tx.flush();
    if (reason) await revokeTokens(tx, actor, u.id, reason);
    return u;
  });
}

/** 重置密码 */
export async function resetPassword(em: EntityManager, actor: Actor, id: string, newPassword: unknown): Promise<void> {
  const pw = parseInput(z.object({ password }), { password: newPassword }).password;
  await em.transactional(async (tx) => {
    const u = await tx.findOne(User, { id });
    if (!u) throw codedError(IDENTITY_ERRORS.USER_NOT_FOUND);
    u.passwordHash = await hashPassword(pw);
    await tx.flush();
    await revokeTokens(tx, actor, u.id, 'password-reset');
  });
}
