import { Migration } from '@mikro-orm/migrations';

class Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table dispatch_department (
      id uuid primary key, code varchar(64) not null, name varchar(100) not null, active boolean not null
    )`);
    this.addSql(`create table dispatch_case (
      id uuid primary key,
      external_no varchar(64) not null,
      topic varchar(50) not null,
      request_type varchar(16) not null,
      urgency varchar(16) not null,
      received_at timestamptz not null,
      upstream_deadline_at timestamptz,
      stage varchar(16) not null,
      signed_at timestamptz,
      lead_department_id uuid,
      assist_department_ids text[] not null default '{}',
      dispatched_at timestamptz,
      dispatched_by uuid,
      handle_deadline_at timestamptz,
      version integer not null default 1
    )`);
    this.addSql('create index dispatch_case_stage_signed on dispatch_case (stage, signed_at)');
    this.addSql('create index dispatch_case_lead on dispatch_case (lead_department_id, stage)');
    this.addSql('create index dispatch_case_assist on dispatch_case using gin (assist_department_ids)');
    this.addSql(`create table dispatch_reply (
      id uuid primary key,
      case_id uuid not null references dispatch_case(id),
      department_id uuid not null,
      result varchar(16) not null,
      text text not null,
      replied_at timestamptz not null,
      replied_by uuid not null
    )`);
    this.addSql('create index dispatch_reply_case on dispatch_reply (case_id, replied_at)');
  }
}

/**
 * Department work (接收/退回/联系/延期/协办/答复), bureau review (局审核), the dispatch audit trail,
 * the responsibility catalogue (权责清单) and the text dispatch needs to suggest a department.
 */
class DepartmentWork extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table dispatch_case
      add column title varchar(60) not null default '',
      add column content_digest varchar(60) not null default '',
      add column project_name varchar(100),
      add column street varchar(50),
      add column queued_at timestamptz,
      add column return_count integer not null default 0,
      add column accepted_at timestamptz,
      add column accepted_by uuid,
      add column contacted_at timestamptz,
      add column contact_channel varchar(16),
      add column contacted_by uuid,
      add column completed_at timestamptz,
      add column last_action_at timestamptz,
      add column last_action_by uuid`);
    this.addSql('update dispatch_case set queued_at = signed_at');
    this.addSql(`create table dispatch_assignment_log (
      id uuid primary key,
      case_id uuid not null references dispatch_case(id),
      kind varchar(16) not null check (kind in ('dispatch','redispatch','return')),
      from_department_id uuid,
      to_department_id uuid,
      assist_department_ids text[] not null default '{}',
      held_minutes integer,
      held_seconds integer,
      reason_code varchar(32),
      reason text,
      suggestion_source varchar(8),
      suggestion_rule_id uuid,
      suggestion_confidence double precision,
      suggestion_followed boolean,
      at timestamptz not null,
      by_user uuid not null,
      by_role varchar(16) not null
    )`);
    this.addSql('create index dispatch_assignment_log_case on dispatch_assignment_log (case_id, at)');
    this.addSql('create index dispatch_assignment_log_from on dispatch_assignment_log (from_department_id, at)');
    this.addSql(`create table dispatch_assist (
      id uuid primary key,
      case_id uuid not null references dispatch_case(id),
      department_id uuid not null,
      status varchar(16) not null check (status in ('open','reported','withdrawn')),
      assigned_at timestamptz not null,
      report_text text,
      reported_at timestamptz,
      reported_by uuid
    )`);
    this.addSql('create index dispatch_assist_case on dispatch_assist (case_id, status)');
    this.addSql(`create table dispatch_extension (
      id uuid primary key,
      case_id uuid not null references dispatch_case(id),
      department_id uuid not null,
      reason text not null,
      requested_until timestamptz not null,
      current_deadline_at timestamptz not null,
      requested_at timestamptz not null,
      requested_by uuid not null,
      status varchar(16) not null check (status in ('pending','approved','refused','withdrawn')),
      decided_at timestamptz,
      decided_by uuid,
      decision_note text
    )`);
    this.addSql('create index dispatch_extension_case on dispatch_extension (case_id, requested_at)');
    this.addSql("create unique index dispatch_extension_one_pending on dispatch_extension (case_id) where status = 'pending'");
    this.addSql(`alter table dispatch_reply
      add column script_id varchar(64),
      add column review_status varchar(16) not null default 'pending' check (review_status in ('pending','approved','rejected')),
      add column reviewed_at timestamptz,
      add column reviewed_by uuid,
      add column review_note text`);
    this.addSql(`create table dispatch_rule (
      id uuid primary key,
      rule_key uuid not null,
      version integer not null,
      name varchar(100) not null,
      topics text[] not null default '{}',
      keywords text[] not null default '{}',
      projects text[] not null default '{}',
      streets text[] not null default '{}',
      lead_department_code varchar(64) not null,
      assist_department_codes text[] not null default '{}',
      basis text not null default '',
      priority integer not null default 0,
      active boolean not null,
      created_at timestamptz not null,
      created_by varchar(64) not null,
      superseded_at timestamptz,
      unique (rule_key, version)
    )`);
    this.addSql('create index dispatch_rule_current on dispatch_rule (rule_key) where superseded_at is null');
  }
}

/**
 * 并单 reaches dispatch (the master a case was merged into), and assist tasks belong to one
 * routing: a task of an earlier routing is superseded, so only the current routing's tasks count.
 */
class MergesAndAssistRounds extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table dispatch_case
      add column merged_into_case_id uuid,
      add column merged_into_external_no varchar(64),
      add column merged_at timestamptz`);
    this.addSql('alter table dispatch_assist add column superseded_at timestamptz');
    // Existing tasks of an earlier routing: assigned before the case's current dispatch, or the
    // case is back in 待分转 (returned) and has no current routing at all.
    this.addSql(`update dispatch_assist a
      set superseded_at = coalesce(c.dispatched_at, c.last_action_at, now())
      from dispatch_case c
      where a.case_id = c.id and (c.dispatched_at is null or a.assigned_at < c.dispatched_at)`);
    this.addSql('create index dispatch_assist_current on dispatch_assist (case_id, department_id) where superseded_at is null');
  }
}

/**
 * The whole text of a case (masked) as intake serves it, kept so that retraining the routing
 * model does not read every past case from intake again.
 */
class CaseTexts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table dispatch_case_text (
      case_id uuid primary key,
      title text not null,
      content text not null,
      topic varchar(50) not null,
      topic_code varchar(64),
      fetched_at timestamptz not null
    )`);
  }
}

/** 保密件 reaches dispatch: events about a confidential case carry no free text. */
class ConfidentialCases extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table dispatch_case add column confidential boolean not null default false');
  }
}

/** 工单分级 reaches dispatch: a 疑难类 case's handling limit is 15 working days (general 7). */
class CaseTier extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table dispatch_case add column tier varchar(16) not null default 'general'");
  }
}

/** 二次督办: a completed case reopened after an unresolved or dissatisfied callback is handled again as round 2, 3 … */
class HandlingRounds extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table dispatch_case add column round integer not null default 1, add column reopened_at timestamptz');
  }
}

/** 统一答复口径 reach dispatch: published versions, cluster membership, and the version a reply followed. */
class ReplyScripts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table dispatch_reply_script (
      script_id varchar(64) not null,
      version integer not null,
      scope varchar(16) not null check (scope in ('topic', 'project', 'cluster')),
      scope_key varchar(100) not null,
      title varchar(100) not null,
      text text not null,
      status varchar(16) not null check (status in ('published', 'retired')),
      published_at timestamptz not null,
      retired_at timestamptz,
      primary key (script_id, version)
    )`);
    this.addSql("create index dispatch_reply_script_scope on dispatch_reply_script (scope, scope_key) where status = 'published'");
    this.addSql(`create table dispatch_cluster_case (
      cluster_id uuid not null,
      case_id uuid not null,
      primary key (cluster_id, case_id)
    )`);
    this.addSql('create index dispatch_cluster_case_case on dispatch_cluster_case (case_id)');
    this.addSql('alter table dispatch_reply add column script_version integer');
  }
}

export const migrations = [
  { name: 'Migration20261125000001_initial', class: Initial },
  { name: 'Migration20261125000002_department_work', class: DepartmentWork },
  { name: 'Migration20261201000003_merges_and_assist_rounds', class: MergesAndAssistRounds },
  { name: 'Migration20261204000010_case_texts', class: CaseTexts },
  { name: 'Migration20261204000017_confidential_cases', class: ConfidentialCases },
  { name: 'Migration20261204000018_case_tier', class: CaseTier },
  { name: 'Migration20261204000020_handling_rounds', class: HandlingRounds },
  { name: 'Migration20261205000021_reply_scripts', class: ReplyScripts },
];
