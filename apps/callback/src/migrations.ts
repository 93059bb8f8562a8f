import { Migration } from '@mikro-orm/migrations';

/**
 * 回访: the case projection, tasks, attempts, results; 二次督办; the scoring policy versions and
 * closed periods (三率); the district platform's official callback results.
 */
class Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table callback_case (
      id uuid primary key,
      external_no varchar(64) not null,
      topic varchar(50) not null,
      received_at timestamptz not null,
      lead_department_id uuid,
      dispatched_at timestamptz,
      contacted_at timestamptz,
      handle_deadline_at timestamptz,
      first_completed_at timestamptz,
      last_completed_at timestamptz,
      round integer not null default 1,
      version integer not null default 1
    )`);
    this.addSql('create unique index callback_case_external_no on callback_case (external_no)');
    this.addSql('create index callback_case_completed on callback_case (first_completed_at)');
    this.addSql(`create table callback_task (
      id uuid primary key,
      case_id uuid not null references callback_case(id),
      external_no varchar(64) not null,
      topic varchar(50) not null,
      department_id uuid,
      round integer not null,
      status varchar(16) not null check (status in ('open','done','unreachable','refused','cancelled')),
      completed_at timestamptz not null,
      due_at timestamptz not null,
      assignee_id uuid,
      assigned_at timestamptz,
      attempts integer not null default 0,
      next_attempt_at timestamptz,
      created_at timestamptz not null,
      closed_at timestamptz,
      version integer not null default 1,
      unique (case_id, round)
    )`);
    this.addSql("create index callback_task_open_due on callback_task (due_at, id) where status = 'open'");
    this.addSql("create index callback_task_assignee on callback_task (assignee_id, due_at) where status = 'open'");
    this.addSql(`create table callback_attempt (
      id uuid primary key,
      task_id uuid not null references callback_task(id),
      case_id uuid not null,
      attempt integer not null,
      outcome varchar(16) not null check (outcome in ('reached','no-answer','refused','wrong-number')),
      note text,
      at timestamptz not null,
      by_user uuid not null,
      next_attempt_at timestamptz,
      unique (task_id, attempt)
    )`);
    this.addSql(`create table callback_result (
      id uuid primary key,
      task_id uuid not null unique references callback_task(id),
      case_id uuid not null,
      round integer not null,
      reached boolean not null,
      resolved boolean,
      satisfaction varchar(16) check (satisfaction in ('satisfied','basically','dissatisfied')),
      notes text,
      recorded_at timestamptz not null,
      recorded_by uuid,
      unique (case_id, round)
    )`);
    this.addSql(`create table callback_supervision (
      id uuid primary key,
      case_id uuid not null,
      external_no varchar(64) not null,
      round integer not null,
      department_id uuid,
      reason text not null,
      trigger varchar(16) not null check (trigger in ('callback','supervisor')),
      opened_at timestamptz not null,
      opened_by uuid not null,
      due_at timestamptz not null,
      status varchar(16) not null check (status in ('open','closed')),
      outcome varchar(16) check (outcome in ('resolved','unresolved','unreachable')),
      closed_at timestamptz,
      unique (case_id, round)
    )`);
    this.addSql("create unique index callback_supervision_one_open on callback_supervision (case_id) where status = 'open'");
    this.addSql('create index callback_supervision_status_due on callback_supervision (status, due_at)');
    this.addSql(`create table callback_scoring_policy (
      id uuid primary key,
      effective_from varchar(7) not null,
      version integer not null,
      rules jsonb not null,
      is_default boolean not null,
      note varchar(200) not null,
      created_at timestamptz not null,
      created_by varchar(64) not null,
      unique (effective_from, version)
    )`);
    this.addSql(`insert into callback_scoring_policy values (
      '00000000-0000-4000-8000-000000000001', '2000-01', 1,
      '{"responseClocks":["contact","handle"],"contactHours":24,"basicFactor":0.9,"weights":{"response":10,"resolution":50,"satisfaction":40},"periodKind":"cutoff","cutoffDay":19,"resultSource":"official-first","resultRound":"latest","excludedExternalNos":[]}',
      true, '默认口径（待与局方确认）：响应 10%、解决 50%、满意 40%，基本满意按 0.9 计，考核周期自上月 19 日起', now(), 'system')`);
    this.addSql(`create table callback_scoring_period (
      period varchar(7) primary key,
      policy_id uuid not null references callback_scoring_policy(id),
      facts jsonb not null,
      closed_at timestamptz not null,
      closed_by uuid not null
    )`);
    this.addSql(`create table callback_official_result (
      id uuid primary key,
      case_id uuid not null,
      external_no varchar(64) not null,
      round integer not null,
      reached boolean not null,
      resolved boolean,
      satisfaction varchar(16) check (satisfaction in ('satisfied','basically','dissatisfied')),
      called_at timestamptz,
      imported_at timestamptz not null,
      imported_by uuid not null,
      file_name varchar(200) not null,
      unique (case_id, round)
    )`);
    this.addSql('create index callback_official_external_no on callback_official_result (external_no)');
  }
}

/** 不纳入考核 claims as supervision decides them (hotline.exclusion.*). */
class Exclusions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table callback_exclusion (
      claim_id uuid primary key,
      case_id uuid not null,
      external_no varchar(64) not null,
      exclusion_type varchar(64) not null,
      month varchar(7) not null,
      status varchar(16) not null check (status in ('submitted', 'approved', 'rejected', 'withdrawn')),
      updated_at timestamptz not null
    )`);
    this.addSql('create index callback_exclusion_case_id_status_index on callback_exclusion (case_id, status)');
  }
}

/** 工作日历: the years loaded into supervision, as `hotline.calendar.year-loaded` brings them. */
class CalendarYears extends Migration {
  override async up(): Promise<void> {
    this.addSql('create table callback_calendar_year (year integer primary key, days jsonb not null, loaded_at timestamptz not null)');
  }
}

/** 加分: publicity's bonus ledger entries, by the month they count for. */
class PublicityBonus extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table callback_bonus_item (
      entry_id varchar(64) primary key,
      item_id varchar(64) not null,
      kind varchar(16) not null,
      month varchar(7) not null,
      points double precision not null,
      department_id uuid,
      awarded_at timestamptz not null
    )`);
    this.addSql('create index callback_bonus_item_month on callback_bonus_item (month, department_id)');
  }
}

/**
 * 二次督办 moved to supervision (sup_second_supervision): callback no longer keeps the records. The
 * rounds opened before the move remain in the stream as hotline.supervision.opened/closed.
 */
class SecondRoundMoved extends Migration {
  override async up(): Promise<void> {
    this.addSql('drop table if exists callback_supervision');
  }
}

export const migrations = [
  { name: 'Migration20261204000001_initial', class: Initial },
  { name: 'Migration20261205000011_exclusions', class: Exclusions },
  { name: 'Migration20261205000040_calendar_years', class: CalendarYears },
  { name: 'Migration20261205000040_publicity_bonus', class: PublicityBonus },
  { name: 'Migration20261206000001_second_round_moved', class: SecondRoundMoved },
];
