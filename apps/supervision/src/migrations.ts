import { Migration } from '@mikro-orm/migrations';

class Initial extends Migration {
  override async up(): Promise<void> {
    // 工作日历: loaded years (the State Council notice of each) and the days that differ from the weekday rule.
    this.addSql(`create table sup_calendar_year (
      year integer primary key,
      source varchar(16) not null check (source in ('chinese-days', 'admin')),
      loaded_at timestamptz not null,
      loaded_by varchar(64) not null,
      note varchar(200)
    )`);
    this.addSql(`create table sup_calendar_day (
      date date primary key,
      year integer not null references sup_calendar_year(year),
      working boolean not null,
      name varchar(50)
    )`);
    // Clock definitions: versioned, one current row per key (superseded_at null).
    this.addSql(`create table sup_clock_definition (
      id uuid primary key,
      key varchar(64) not null,
      version integer not null,
      kind varchar(16) not null,
      name varchar(100) not null,
      selector jsonb not null,
      target_unit varchar(16) not null check (target_unit in ('natural-minutes', 'working-hours', 'working-days')),
      target_amount double precision not null check (target_amount > 0),
      triggers jsonb not null,
      warn_shares integer[] not null,
      priority integer not null default 0,
      deadline_from_event boolean not null default false,
      active boolean not null,
      note varchar(200),
      created_at timestamptz not null,
      created_by varchar(64) not null,
      superseded_at timestamptz,
      unique (key, version)
    )`);
    this.addSql('create unique index sup_clock_definition_current on sup_clock_definition (key) where superseded_at is null');
    // supervision's view of each case: classification (selectors), departments (scope, 催办), stage.
    this.addSql(`create table sup_case (
      id uuid primary key,
      external_no varchar(64) not null,
      title varchar(60) not null default '',
      request_type varchar(16) not null,
      topic varchar(50) not null,
      tier varchar(16) not null,
      urgency varchar(16) not null,
      lead_department_id uuid,
      assist_department_ids text[] not null default '{}',
      received_at timestamptz not null,
      completed_at timestamptz,
      /** Imported history (arrived completed): no clocks. */
      historical boolean not null default false
    )`);
    // Every case event applied, in order: the history a case's clocks are rebuilt from.
    this.addSql(`create table sup_case_event (
      seq bigserial primary key,
      event_id uuid not null unique,
      case_id uuid not null,
      type varchar(64) not null,
      occurred_at timestamptz not null,
      envelope jsonb not null
    )`);
    this.addSql('create index sup_case_event_case on sup_case_event (case_id, seq)');
    this.addSql(`create table sup_clock (
      id uuid primary key,
      case_id uuid not null,
      kind varchar(16) not null,
      definition_id uuid not null references sup_clock_definition(id),
      definition_key varchar(64) not null,
      definition_version integer not null,
      measure varchar(8) not null check (measure in ('natural', 'working')),
      target_ms double precision,
      state varchar(16) not null check (state in ('running', 'paused', 'stopped')),
      started_at timestamptz not null,
      due_at timestamptz,
      segment_started_at timestamptz,
      consumed_ms double precision not null default 0,
      paused_at timestamptz,
      paused_ms double precision not null default 0,
      stopped_at timestamptz,
      outcome varchar(16) check (outcome in ('met', 'late', 'cancelled', 'reset')),
      blocked_reason varchar(64),
      department_id uuid,
      warned_at timestamptz,
      warned_share double precision,
      breached_at timestamptz,
      updated_at timestamptz not null
    )`);
    this.addSql("create unique index sup_clock_open_kind on sup_clock (case_id, kind) where state <> 'stopped'");
    this.addSql('create index sup_clock_case on sup_clock (case_id, started_at)');
    // The queues: open clocks by due time (overdue / at risk), by department and kind.
    this.addSql("create index sup_clock_open_due on sup_clock (due_at) where state = 'running'");
    this.addSql("create index sup_clock_open_dept on sup_clock (department_id, due_at) where state = 'running'");
    // Alarms: each warning, the breach and each 催办 step of a clock, fired once (the primary key).
    this.addSql(`create table sup_clock_alarm (
      clock_id uuid not null references sup_clock(id),
      mark varchar(48) not null,
      kind varchar(8) not null check (kind in ('warn', 'breach', 'urge')),
      share_pct integer not null,
      level varchar(16),
      recipients text[] not null default '{}',
      step_id uuid,
      fire_at timestamptz,
      fired_at timestamptz,
      skipped boolean not null default false,
      primary key (clock_id, mark)
    )`);
    this.addSql('create index sup_clock_alarm_due on sup_clock_alarm (fire_at) where fired_at is null and fire_at is not null');
    // 催办 ladder steps (configuration) and every 催办 made (automatic or by hand).
    this.addSql(`create table sup_ladder_step (
      id uuid primary key,
      name varchar(50) not null,
      clock_kinds text[] not null default '{}',
      share_pct integer not null check (share_pct > 0),
      level varchar(16) not null,
      recipients text[] not null,
      active boolean not null,
      updated_at timestamptz not null,
      updated_by varchar(64) not null
    )`);
    this.addSql(`create table sup_urge (
      id uuid primary key,
      case_id uuid not null,
      clock_id uuid,
      kind varchar(16),
      level varchar(16) not null,
      recipients text[] not null,
      department_id uuid,
      step_id uuid,
      note varchar(200),
      at timestamptz not null,
      by_user uuid,
      by_role varchar(16)
    )`);
    this.addSql('create index sup_urge_case on sup_urge (case_id, at)');
  }
}

/** 不纳入考核: monthly rule sets (versioned), claims with their evidence, and their audit trail. */
class ExclusionClaims extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table sup_exclusion_rule_set (
      id uuid primary key,
      month varchar(7) not null,
      version integer not null,
      types jsonb not null,
      is_default boolean not null,
      note varchar(200) not null,
      created_at timestamptz not null,
      created_by varchar(64) not null,
      unique (month, version)
    )`);
    this.addSql(`create table sup_exclusion_claim (
      id uuid primary key,
      case_id uuid not null,
      external_no varchar(64) not null,
      month varchar(7) not null,
      rule_set_id uuid not null references sup_exclusion_rule_set(id),
      type varchar(64) not null,
      statement text not null,
      status varchar(16) not null check (status in ('draft', 'submitted', 'approved', 'rejected', 'withdrawn')),
      created_at timestamptz not null,
      created_by uuid not null,
      updated_at timestamptz not null,
      submitted_at timestamptz,
      decided_at timestamptz,
      decided_by uuid,
      decision_note varchar(500)
    )`);
    this.addSql('create index sup_exclusion_claim_month_status_index on sup_exclusion_claim (month, status)');
    this.addSql('create index sup_exclusion_claim_case on sup_exclusion_claim (case_id)');
    // One live claim per case and month (a rejected or withdrawn one may be followed by a new one).
    this.addSql(`create unique index sup_exclusion_claim_live on sup_exclusion_claim (case_id, month) where status in ('draft', 'submitted', 'approved')`);
    this.addSql(`create table sup_exclusion_evidence (
      id uuid primary key,
      claim_id uuid not null references sup_exclusion_claim(id),
      kind varchar(64) not null,
      name varchar(200) not null,
      content_type varchar(120) not null,
      size integer not null,
      sha256 varchar(64) not null,
      uploaded_by uuid not null,
      uploaded_at timestamptz not null
    )`);
    this.addSql('create index sup_exclusion_evidence_claim_id_uploaded_at_index on sup_exclusion_evidence (claim_id, uploaded_at)');
    this.addSql(`create table sup_exclusion_audit (
      id uuid primary key,
      claim_id uuid not null references sup_exclusion_claim(id),
      action varchar(32) not null,
      detail varchar(200),
      at timestamptz not null,
      by_user varchar(64) not null,
      by_role varchar(16) not null
    )`);
    this.addSql('create index sup_exclusion_audit_claim_id_at_index on sup_exclusion_audit (claim_id, at)');
  }
}

export const migrations = [
  { name: 'Migration20261204000001_initial', class: Initial },
  { name: 'Migration20261205000010_exclusion_claims', class: ExclusionClaims },
];
