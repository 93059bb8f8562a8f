import type { AuthUser } from '@hotline/service-kit';
import { codedError } from '@hotline/service-kit';
import { PUBLICITY_ERRORS } from '@hotline/contracts';

/** 督办员 runs the publicity pipeline (ROLES.md): nominations, drafts, reviews, submissions, points. */
export const PUBLICITY_ROLES = ['supervisor'] as const;
/** Who reads the publicity screens and the ledger: the pipeline's owners, leadership, administrators. */
export const PUBLICITY_READ_ROLES = ['supervisor', 'leader', 'admin'] as const;

/** The use cases check the role themselves too (a resolver's guard is not the only line). */
export function assertPublicityRole(user: AuthUser): void {
  if (!(PUBLICITY_ROLES as readonly string[]).includes(user.role)) throw codedError(PUBLICITY_ERRORS.NOT_PUBLICITY_ROLE);
}
