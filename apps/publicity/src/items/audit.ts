import type { EntityManager } from '@mikro-orm/postgresql';
import type { PublicityKind } from '@hotline/contracts';
import type { AuthUser } from '@hotline/service-kit';
import { AuditRecord } from '../cases/audit-record.entity';

/** Writes the audit record of an action in the action's transaction. */
export function audit(tx: EntityManager, user: AuthUser, itemKind: PublicityKind, itemId: string, action: string, at: Date, note?: string | null): void {
  tx.create(AuditRecord, { itemKind, itemId, action, at, by: user.id, note: note ?? null });
}
