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

export const migrations = [{ name: 'Migration20261125000001_initial', class: Initial }];
