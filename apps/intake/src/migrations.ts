import { Migration } from '@mikro-orm/migrations';

class Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table intake_case (
      id uuid primary key,
      external_no varchar(64) not null unique,
      channel varchar(16) not null,
      title varchar(200) not null,
      content text not null,
      request_type varchar(16) not null,
      topic varchar(50) not null,
      urgency varchar(16) not null,
      tier varchar(16) not null,
      stage varchar(16) not null,
      received_at timestamptz not null,
      signed_at timestamptz,
      signed_by uuid,
      deadline_at timestamptz,
      citizen_name varchar(50) not null,
      citizen_phone varchar(32) not null,
      address varchar(300),
      project_name varchar(100),
      street varchar(50),
      department_ids text[] not null default '{}',
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`);
    this.addSql('create index intake_case_stage_received on intake_case (stage, received_at)');
    this.addSql('create index intake_case_departments on intake_case using gin (department_ids)');
    this.addSql(`create table case_timeline (
      id uuid primary key,
      case_id uuid not null,
      type varchar(64) not null,
      label varchar(32) not null,
      occurred_at timestamptz not null,
      actor_user_id uuid,
      actor_role varchar(32),
      department_id uuid,
      detail text
    )`);
    this.addSql('create index case_timeline_case on case_timeline (case_id, occurred_at)');
  }
}

export const migrations = [{ name: 'Migration20261125000001_initial', class: Initial }];
