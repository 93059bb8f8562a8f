import { Migration } from '@mikro-orm/migrations';

/** Publicity's tables: cases and departments it knows of, the three kinds of items, materials, the ledger, the audit trail. */
class Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table publicity_case (
      id uuid primary key, external_no varchar(64) not null, title varchar(60) not null, topic varchar(50) not null,
      received_at timestamptz not null, department_ids text[] not null default '{}'
    )`);
    this.addSql(`create table publicity_department (
      id uuid primary key, code varchar(64) not null, name varchar(100) not null, active boolean not null
    )`);
    this.addSql(`create table publicity_item_case (
      item_id uuid not null, case_id uuid not null, item_kind varchar(16) not null, primary key (item_id, case_id)
    )`);
    this.addSql('create index publicity_item_case_case on publicity_item_case (case_id)');
    this.addSql(`create table publicity_typical_case (
      id uuid primary key,
      case_id uuid not null,
      title varchar(100) not null,
      reason text not null,
      stage varchar(16) not null,
      stage_due_at timestamptz,
      draft_text text,
      review_note text,
      refusal_reason text,
      nominated_by uuid not null,
      nominated_at timestamptz not null,
      submitted_at timestamptz,
      closed_at timestamptz,
      version integer not null default 1
    )`);
    this.addSql('create index publicity_typical_case_stage on publicity_typical_case (stage, stage_due_at)');
    // One open nomination per case (a refused one may be nominated again).
    this.addSql("create unique index publicity_typical_case_open on publicity_typical_case (case_id) where stage <> 'rejected'");
    this.addSql(`create table publicity_material (
      id uuid primary key, item_id uuid not null, name varchar(200) not null, content_type varchar(120) not null,
      size integer not null, sha256 varchar(64) not null, uploaded_by uuid not null, uploaded_at timestamptz not null
    )`);
    this.addSql('create index publicity_material_item on publicity_material (item_id, uploaded_at)');
    this.addSql(`create table publicity_episode (
      id uuid primary key, topic varchar(100) not null, air_date varchar(10) not null, summary text,
      department_ids text[] not null default '{}', status varchar(16) not null default 'planned',
      created_by uuid not null, created_at timestamptz not null, version integer not null default 1
    )`);
    this.addSql('create index publicity_episode_air on publicity_episode (air_date)');
    this.addSql(`create table publicity_task (
      id uuid primary key, item_id uuid not null, phase varchar(16) not null, title varchar(200) not null,
      department_id uuid not null, due_at timestamptz not null, done_at timestamptz, done_by uuid, done_note text
    )`);
    this.addSql('create index publicity_task_item on publicity_task (item_id, due_at)');
    this.addSql('create index publicity_task_open on publicity_task (department_id, due_at) where done_at is null');
    this.addSql(`create table publicity_article (
      id uuid primary key, title varchar(100) not null, outlet varchar(100) not null, publish_date varchar(10),
      url varchar(500), status varchar(16) not null default 'planned',
      created_by uuid not null, created_at timestamptz not null, version integer not null default 1
    )`);
    this.addSql('create index publicity_article_date on publicity_article (publish_date)');
    this.addSql(`create table publicity_ledger_entry (
      id uuid primary key, month varchar(7) not null, item_kind varchar(16) not null, item_id uuid not null,
      title varchar(100) not null, department_id uuid, points integer not null check (points > 0),
      evidence text not null, awarded_by uuid not null, awarded_by_name varchar(100) not null, awarded_at timestamptz not null,
      unique (item_kind, item_id)
    )`);
    this.addSql('create index publicity_ledger_month on publicity_ledger_entry (month, awarded_at)');
    this.addSql(`create table publicity_audit (
      id uuid primary key, item_id uuid not null, item_kind varchar(16) not null, action varchar(32) not null,
      at timestamptz not null, by uuid not null, note text
    )`);
    this.addSql('create index publicity_audit_item on publicity_audit (item_id, at)');
  }
}

/** 工作日历: the years loaded into supervision, as `hotline.calendar.year-loaded` brings them. */
class CalendarYears extends Migration {
  override async up(): Promise<void> {
    this.addSql('create table publicity_calendar_year (year integer primary key, days jsonb not null, loaded_at timestamptz not null)');
  }
}

export const migrations = [
  { name: 'Migration20261204000001_initial', class: Initial },
  { name: 'Migration20261205000041_calendar_years', class: CalendarYears },
];
