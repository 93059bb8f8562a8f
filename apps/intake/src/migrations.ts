import { Migration } from '@mikro-orm/migrations';
import { searchTextOf } from './cases/case.entity';

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

/**
 * The full work order (every time, anonymity, place, attachments, links), the topic taxonomy,
 * the configurable intake rules, the reveal audit, the case audit and Open311 partner keys.
 */
class FullWorkOrder extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table intake_case
      add column district_dispatched_at timestamptz,
      add column first_contact_at timestamptz,
      add column anonymous boolean not null default false,
      add column confidential boolean not null default false,
      add column community varchar(50),
      add column latitude double precision,
      add column longitude double precision,
      add column attachments jsonb not null default '[]',
      add column repeat_count integer not null default 0,
      add column cluster_count integer not null default 0,
      add column master_case_id uuid,
      add column link_kind varchar(16),
      add column link_score double precision,
      add column reply_result varchar(16),
      add column completed_at timestamptz,
      add column source_hash varchar(64)`);
    this.addSql('create index intake_case_phone on intake_case (citizen_phone, received_at)');
    this.addSql('create index intake_case_project on intake_case (project_name, topic, received_at)');
    this.addSql('create index intake_case_received on intake_case (received_at)');
    this.addSql('create index intake_case_master on intake_case (master_case_id) where master_case_id is not null');
    this.addSql(`create table intake_topic (
      code varchar(64) primary key,
      name varchar(50) not null unique,
      parent_code varchar(64) references intake_topic(code),
      sort integer not null default 0,
      active boolean not null default true,
      description varchar(200)
    )`);
    const topics: Array<[string, string, string | null, number, string]> = [
      ['housing', '房屋交付与销售', null, 10, '商品房交付、销售与退费'],
      ['delayed-handover', '延期交房', 'housing', 11, '开发商逾期交付房屋'],
      ['purchase-refund', '购房退费', 'housing', 12, '解除购房合同后的退款、定金'],
      ['house-quality', '房屋质量', 'housing', 13, '新建住宅质量与保修'],
      ['community', '物业与小区', null, 20, '物业服务与小区管理'],
      ['property', '物业', 'community', 21, '物业服务、收费、设施维护'],
      ['construction-group', '建设工程', null, 30, '在建工程的扰民与安全'],
      ['construction', '施工', 'construction-group', 31, '施工噪音、扬尘、围挡与安全'],
      ['municipal', '市政设施', null, 40, '道路、路灯等市政设施'],
    ];
    for (const [code, name, parent, sort, description] of topics) {
      this.addSql(
        `insert into intake_topic (code, name, parent_code, sort, description) values ('${code}', '${name}', ${parent ? `'${parent}'` : 'null'}, ${sort}, '${description}')`,
      );
    }
    this.addSql(`create table intake_setting (
      key varchar(64) primary key,
      value jsonb not null,
      updated_at timestamptz not null default now(),
      updated_by uuid
    )`);
    this.addSql(`create table intake_reveal_log (
      id uuid primary key,
      case_id uuid not null,
      external_no varchar(64) not null,
      user_id uuid not null,
      role varchar(32) not null,
      department_id uuid,
      fields text[] not null,
      reason varchar(200) not null,
      revealed_at timestamptz not null
    )`);
    this.addSql('create index intake_reveal_log_case on intake_reveal_log (case_id, revealed_at)');
    this.addSql('create index intake_reveal_log_time on intake_reveal_log (revealed_at)');
    this.addSql(`create table intake_case_audit (
      id uuid primary key,
      case_id uuid not null,
      kind varchar(32) not null,
      before jsonb,
      after jsonb not null,
      reason varchar(200) not null,
      actor_user_id uuid,
      actor varchar(64) not null,
      at timestamptz not null
    )`);
    this.addSql('create index intake_case_audit_case on intake_case_audit (case_id, at)');
    this.addSql(`create table open311_key (
      id uuid primary key,
      name varchar(100) not null,
      key_hash char(64) not null unique,
      key_prefix varchar(12) not null,
      created_at timestamptz not null,
      created_by varchar(64) not null,
      revoked_at timestamptz,
      revoked_by uuid,
      last_used_at timestamptz
    )`);
  }
}

/** Import jobs (progress, outcome, error report) and saved column mappings. */
class Imports extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table intake_import_job (
      id uuid primary key,
      status varchar(16) not null,
      file_name varchar(200) not null,
      format varchar(8) not null,
      mapping_name varchar(100),
      total_rows integer not null default 0,
      processed_rows integer not null default 0,
      created_count integer not null default 0,
      updated_count integer not null default 0,
      unchanged_count integer not null default 0,
      error_count integer not null default 0,
      problems jsonb not null default '[]',
      message varchar(300),
      created_by uuid not null,
      created_at timestamptz not null,
      finished_at timestamptz,
      duration_ms integer
    )`);
    this.addSql('create index intake_import_job_created on intake_import_job (created_at)');
    this.addSql(`create table intake_import_mapping (
      id uuid primary key,
      name varchar(100) not null unique,
      columns jsonb not null,
      updated_at timestamptz not null,
      updated_by uuid not null
    )`);
  }
}

/** 办结反馈: outbound records with their delivery state, and the delivery log. */
class Feedback extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table intake_feedback (
      id uuid primary key,
      case_id uuid not null,
      external_no varchar(64) not null,
      completion_event_id uuid not null,
      master_case_id uuid,
      result varchar(16) not null,
      reply_summary varchar(200) not null,
      department_id uuid not null,
      received_at timestamptz not null,
      completed_at timestamptz not null,
      state varchar(16) not null,
      attempts integer not null default 0,
      next_attempt_at timestamptz,
      last_error varchar(300),
      delivered_at timestamptz,
      created_at timestamptz not null,
      unique (case_id, completion_event_id)
    )`);
    this.addSql('create index intake_feedback_due on intake_feedback (state, next_attempt_at)');
    this.addSql(`create table intake_feedback_attempt (
      id uuid primary key,
      feedback_id uuid not null references intake_feedback(id),
      attempt integer not null,
      at timestamptz not null,
      status_code integer,
      error varchar(300),
      duration_ms integer not null
    )`);
    this.addSql('create index intake_feedback_attempt_feedback on intake_feedback_attempt (feedback_id, at)');
  }
}

/** 办结反馈 carries the reply in full (read from dispatch), the department and the times. */
class FeedbackReply extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table intake_feedback
      add column reply_text text,
      add column department_name varchar(100),
      add column replied_at timestamptz,
      add column contacted_at timestamptz`);
  }
}

/**
 * 附件 (attachments): uploaded files' metadata per case, and their bytes once per SHA-256 (the
 * Postgres AttachmentStore; no foreign key from the metadata, so another store can replace it).
 * The reveal log also records attachment downloads.
 */
class Attachments extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table intake_attachment_blob (
      sha256 char(64) primary key,
      size integer not null,
      bytes bytea not null,
      created_at timestamptz not null
    )`);
    // Images, PDFs and Office files are compressed already: store them out of line, uncompressed.
    this.addSql('alter table intake_attachment_blob alter column bytes set storage external');
    this.addSql(`create table intake_attachment (
      id uuid primary key,
      case_id uuid not null,
      file_name varchar(200) not null,
      content_type varchar(100) not null,
      size integer not null,
      sha256 char(64) not null,
      created_at timestamptz not null,
      created_by uuid not null
    )`);
    this.addSql('create index intake_attachment_case on intake_attachment (case_id, created_at)');
    this.addSql(`alter table intake_reveal_log
      add column kind varchar(16) not null default 'reveal',
      add column attachment_id uuid`);
  }
}

/**
 * 撤回附件 (attachment removal): a removed file keeps its metadata row (who removed it, when,
 * why) while its bytes are deleted once no live row shares them; the partial index finds those
 * rows by content.
 */
class AttachmentRemoval extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table intake_attachment
      add column removed_at timestamptz,
      add column removed_by uuid,
      add column remove_reason varchar(200)`);
    this.addSql('create index intake_attachment_live_sha256 on intake_attachment (sha256) where removed_at is null');
  }
}

/**
 * Text search reads a redacted copy of title and content (issue 17: searching the raw text let a
 * masked role recover a masked phone digit by digit). The redaction is TypeScript, so the backfill
 * runs here, in batches, inside the migration's transaction.
 */
class SearchText extends Migration {
  override async up(): Promise<void> {
    await this.execute("alter table intake_case add column search_text text not null default ''");
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const rows = (await this.execute('select id, title, content, citizen_name, citizen_phone, address from intake_case where id > ? order by id limit 1000', [
        after,
      ])) as Array<{ id: string; title: string; content: string; citizen_name: string; citizen_phone: string; address: string | null }>;
      if (!rows.length) break;
      const texts = rows.map((r) =>
        searchTextOf({ title: r.title, content: r.content, citizenName: r.citizen_name, citizenPhone: r.citizen_phone, address: r.address }),
      );
      await this.execute('update intake_case c set search_text = v.t from json_to_recordset(?::json) as v(id uuid, t text) where c.id = v.id', [
        JSON.stringify(rows.map((r, i) => ({ id: r.id, t: texts[i] }))),
      ]);
      after = rows[rows.length - 1].id;
    }
  }
}

/** 重点人 (key persons) and the callers' keyed phone hash on each case (来电人键). */
class KeyPersons extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table intake_case add column caller_key varchar(64), add column key_person boolean not null default false');
    this.addSql('create index intake_case_caller_key_index on intake_case (caller_key)');
    this.addSql(`create table intake_key_person (
      id uuid primary key,
      caller_key varchar(64) not null unique,
      phone_masked varchar(32) not null,
      reason varchar(200) not null,
      active boolean not null,
      flagged_at timestamptz not null,
      flagged_by uuid not null,
      unflagged_at timestamptz,
      unflagged_by uuid
    )`);
    this.addSql(`create table intake_key_person_audit (
      id uuid primary key,
      key_person_id uuid not null references intake_key_person(id),
      action varchar(8) not null check (action in ('flag', 'unflag')),
      reason varchar(200) not null,
      actor_user_id uuid not null,
      actor varchar(64) not null,
      at timestamptz not null
    )`);
    this.addSql('create index intake_key_person_audit_person on intake_key_person_audit (key_person_id, at)');
  }
}

/**
 * Repeat counts at receipt (repeats/repeat-counts.ts) look earlier cases up by phone, by project
 * and topic, and by address and topic: the first two had indexes, the address had none (every
 * receive with an address scanned the window).
 */
class RepeatAddressIndex extends Migration {
  override async up(): Promise<void> {
    this.addSql('create index if not exists intake_case_address on intake_case (address, topic, received_at) where address is not null');
  }
}

export const migrations = [
  { name: 'Migration20261125000001_initial', class: Initial },
  { name: 'Migration20261125000002_full_work_order', class: FullWorkOrder },
  { name: 'Migration20261125000003_imports', class: Imports },
  { name: 'Migration20261125000004_feedback', class: Feedback },
  { name: 'Migration20261125000005_attachments', class: Attachments },
  { name: 'Migration20261125000006_feedback_reply', class: FeedbackReply },
  { name: 'Migration20261125000007_attachment_removal', class: AttachmentRemoval },
  { name: 'Migration20261204000017_search_text', class: SearchText },
  { name: 'Migration20261205000022_key_persons', class: KeyPersons },
  { name: 'Migration20261205000060_repeat_address_index', class: RepeatAddressIndex },
];
