import { Migration } from '@mikro-orm/migrations';

class Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table department (
      id uuid primary key,
      code varchar(64) not null unique,
      name varchar(100) not null,
      active boolean not null default true,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`);
    this.addSql(`create table app_user (
      id uuid primary key,
      username varchar(64) not null unique,
      display_name varchar(100) not null,
      password_hash text not null,
      role varchar(32) not null check (role in ('admin','duty','handler','supervisor','callback','leader')),
      department_id uuid references department(id),
      active boolean not null default true,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      constraint handler_has_department check (role <> 'handler' or department_id is not null)
    )`);
  }
}

export const migrations = [{ name: 'Migration20261125000001_initial', class: Initial }];
