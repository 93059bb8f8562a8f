import { Migration } from '@mikro-orm/migrations';
import { Migrator } from '@mikro-orm/migrations';
import { EntityManager, MikroORM, Options } from '@mikro-orm/postgresql';
import type { EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import { takeRecordedEvents } from './outbox';

export type { EntityManager };
export type MigrationClass = new (...args: ConstructorParameters<typeof Migration>) => Migration;

/** Tables the kit itself needs in every service database: the outbox and the consumer inbox. */
class KitOutboxInbox extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists kit_outbox (
      seq bigserial primary key,
      id uuid not null unique,
      subject text not null,
      case_id text,
      payload jsonb not null,
      created_at timestamptz not null default now(),
      published_at timestamptz
    )`);
    this.addSql(`create index if not exists kit_outbox_unpublished on kit_outbox (seq) where published_at is null`);
    this.addSql(`create index if not exists kit_outbox_case on kit_outbox (case_id, seq) where case_id is not null`);
    this.addSql(`create table if not exists kit_inbox (
      consumer text not null,
      event_id uuid not null,
      subject text not null,
      processed_at timestamptz not null default now(),
      primary key (consumer, event_id)
    )`);
  }
}

export const KIT_MIGRATIONS = [{ name: 'Migration00000000000000_kit_outbox_inbox', class: KitOutboxInbox as MigrationClass }];

export interface OrmOptions {
  url: string;
  entities: Options['entities'];
  /** The service's migrations, in order; the kit's own come first. */
  migrations: Array<{ name: string; class: MigrationClass }>;
  /** Called after a transaction that recorded events commits (wakes the outbox relay). */
  onCommit?: () => void;
  debug?: boolean;
  poolMax?: number;
}

/** Notifies after a transaction that recorded events commits, so the outbox relay publishes at once. */
class CommitListener implements EventSubscriber {
  constructor(private readonly cb: () => void) {}
  afterTransactionCommit(args: TransactionEventArgs): void {
    if (takeRecordedEvents(args.em)) this.cb();
  }
}

/** Opens MikroORM on the service's own database and applies pending migrations. */
export async function openOrm(opts: OrmOptions): Promise<MikroORM> {
  const orm = await MikroORM.init({
    clientUrl: opts.url,
    entities: opts.entities,
    extensions: [Migrator],
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    migrations: {
      migrationsList: [...KIT_MIGRATIONS, ...opts.migrations],
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    subscribers: opts.onCommit ? [new CommitListener(opts.onCommit)] : [],
    allowGlobalContext: false,
    debug: opts.debug ?? false,
    pool: { min: 0, max: opts.poolMax ?? 10 },
    forceUtcTimezone: true,
  });
  await migrateExclusively(orm);
  return orm;
}

/** An arbitrary, fixed advisory-lock key (advisory locks are per database). */
const MIGRATION_LOCK_KEY = 4_711_012_345;

/**
 * Applies pending migrations while holding a Postgres advisory lock, so replicas that start
 * together take turns: the first migrates, the others wait, then find nothing left to do.
 * (Without it the losers failed on `create table mikro_orm_migrations` and had to restart.)
 * The lock is transaction-scoped on a connection of its own and released however `up()` ends.
 */
async function migrateExclusively(orm: MikroORM): Promise<void> {
  const knex = orm.em.getConnection().getKnex();
  await knex.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(?)', [MIGRATION_LOCK_KEY]);
    await orm.getMigrator().up();
  });
}
