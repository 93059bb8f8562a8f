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

/** 调度会 and 督办事项: departments (from identity), meetings, tracked tasks and their 催办 alarms. */
class Migration20261205000030Meetings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table sup_department (
      id uuid primary key,
      code varchar(64) not null,
      name varchar(100) not null,
      active boolean not null
    )`);
    this.addSql(`create table sup_meeting (
      id uuid primary key,
      title varchar(100) not null,
      held_on varchar(10) not null,
      period_from varchar(10) not null,
      period_to varchar(10) not null,
      department_ids text[] not null,
      topics jsonb not null,
      decisions jsonb not null default '[]',
      version integer not null default 1,
      created_by uuid not null,
      created_at timestamptz not null
    )`);
    this.addSql('create index sup_meeting_held on sup_meeting (held_on desc, created_at desc)');
    this.addSql(`create table sup_task (
      id uuid primary key,
      source varchar(16) not null check (source in ('meeting', 'publicity')),
      source_id uuid not null,
      meeting_id uuid references sup_meeting(id),
      decision_id uuid,
      phase varchar(16),
      title varchar(200) not null,
      department_id uuid not null,
      starts_at timestamptz not null,
      due_date varchar(10) not null,
      due_at timestamptz not null,
      status varchar(8) not null default 'open' check (status in ('open', 'done')),
      done_at timestamptz,
      done_by uuid,
      done_note varchar(500),
      created_at timestamptz not null,
      created_by uuid
    )`);
    this.addSql('create index sup_task_due on sup_task (status, due_at)');
    this.addSql('create index sup_task_dept on sup_task (department_id, status, due_at)');
    this.addSql('create index sup_task_meeting on sup_task (meeting_id)');
    // Each 催办 step of a task, fired once (the primary key), like sup_clock_alarm for clocks.
    this.addSql(`create table sup_task_alarm (
      task_id uuid not null references sup_task(id),
      mark varchar(48) not null,
      share_pct integer not null,
      level varchar(16) not null,
      recipients text[] not null default '{}',
      step_id uuid,
      fire_at timestamptz,
      fired_at timestamptz,
      skipped boolean not null default false,
      primary key (task_id, mark)
    )`);
    this.addSql('create index sup_task_alarm_due on sup_task_alarm (fire_at) where fired_at is null and fire_at is not null');
  }
}

/** 统一答复口径 (versioned, approved, published), their use, and 聚类 (bursts, group requests). */
class ScriptsAndClusters extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table sup_reply_script (
      id uuid primary key,
      scope varchar(16) not null check (scope in ('topic', 'project', 'cluster')),
      scope_key varchar(100) not null,
      created_at timestamptz not null,
      created_by uuid not null
    )`);
    this.addSql('create index sup_reply_script_scope on sup_reply_script (scope, scope_key)');
    this.addSql(`create table sup_reply_script_version (
      id uuid primary key,
      script_id uuid not null references sup_reply_script(id),
      version integer not null check (version > 0),
      title varchar(100) not null,
      text text not null,
      status varchar(16) not null check (status in ('draft', 'approved', 'published', 'retired')),
      created_at timestamptz not null,
      created_by uuid not null,
      approved_at timestamptz,
      approved_by uuid,
      published_at timestamptz,
      published_by uuid,
      retired_at timestamptz,
      unique (script_id, version),
      check (status = 'draft' or approved_by is not null)
    )`);
    this.addSql("create unique index sup_reply_script_version_published on sup_reply_script_version (script_id) where status = 'published'");
    this.addSql(`create table sup_reply_script_use (
      script_id varchar(64) not null,
      version integer not null,
      uses integer not null,
      last_used_at timestamptz not null,
      primary key (script_id, version)
    )`);
    this.addSql(`create table sup_cluster_settings (
      id integer primary key check (id = 1),
      burst_min_cases integer not null,
      burst_window_hours integer not null,
      group_min_callers integer not null,
      group_window_hours integer not null,
      updated_at timestamptz not null,
      updated_by varchar(64) not null
    )`);
    this.addSql(`create table sup_cluster_case (
      case_id uuid primary key,
      topic varchar(50) not null,
      place varchar(100) not null,
      project_name varchar(100),
      community varchar(100),
      caller_key varchar(64),
      received_at timestamptz not null
    )`);
    this.addSql('create index sup_cluster_case_matter on sup_cluster_case (topic, place, received_at)');
    this.addSql('create index sup_cluster_case_caller on sup_cluster_case (caller_key) where caller_key is not null');
    this.addSql(`create table sup_cluster (
      id uuid primary key,
      kind varchar(8) not null check (kind in ('burst', 'group')),
      topic varchar(50) not null,
      place varchar(100) not null,
      project_name varchar(100),
      community varchar(100),
      case_count integer not null,
      caller_count integer not null,
      first_case_at timestamptz not null,
      last_case_at timestamptz not null,
      detected_at timestamptz not null,
      updated_at timestamptz not null
    )`);
    this.addSql('create index sup_cluster_matter on sup_cluster (kind, topic, place, last_case_at)');
    this.addSql('create index sup_cluster_recent on sup_cluster (last_case_at desc)');
    this.addSql(`create table sup_cluster_member (
      cluster_id uuid not null references sup_cluster(id),
      case_id uuid not null,
      received_at timestamptz not null,
      primary key (cluster_id, case_id)
    )`);
    this.addSql('create index sup_cluster_member_page on sup_cluster_member (cluster_id, received_at, case_id)');
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

/** 二次督办 (second supervision), moved here from callback: one per case and round. */
class SecondRounds extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table sup_second_supervision (
      id uuid primary key,
      case_id uuid not null,
      external_no varchar(64) not null,
      round integer not null,
      department_id uuid,
      reason varchar(500) not null,
      trigger varchar(16) not null,
      opened_at timestamptz not null,
      opened_by uuid,
      due_at timestamptz not null,
      status varchar(16) not null default 'open',
      outcome varchar(16),
      closed_at timestamptz
    )`);
    this.addSql('alter table sup_second_supervision add constraint sup_second_supervision_case_id_round_unique unique (case_id, round)');
    this.addSql('create index sup_second_supervision_status_due_at_index on sup_second_supervision (status, due_at)');
    // At most one open round per case.
    this.addSql("create unique index sup_second_supervision_one_open on sup_second_supervision (case_id) where status = 'open'");
  }
}

export const migrations = [
  { name: 'Migration20261204000001_initial', class: Initial },
  { name: 'Migration20261205000010_exclusion_claims', class: ExclusionClaims },
  { name: 'Migration20261205000020_scripts_and_clusters', class: ScriptsAndClusters },
  { name: 'Migration20261205000030_meetings', class: Migration20261205000030Meetings },
  { name: 'Migration20261206000001_second_rounds', class: SecondRounds },
];
