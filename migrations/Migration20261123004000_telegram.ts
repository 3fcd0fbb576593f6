import { Migration } from '@mikro-orm/migrations';

/**
 * Every Telegram update as it arrived, stored before any processing: the primary key on update_id is what
 * makes a redelivered update run once, and it works for chats not yet linked to a user.
 */
export class Migration20261123004000_telegram extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "telegram_updates" (
      "update_id" bigint primary key,
      "chat_id" bigint null,
      "kind" text not null,
      "status" text not null default 'received' constraint "telegram_updates_status_check" check ("status" in ('received', 'processed', 'failed', 'ignored')),
      "payload" jsonb not null,
      "error" text null,
      "received_at" timestamptz not null default now(),
      "processed_at" timestamptz null);`);
    this.addSql(`create index "telegram_updates_chat_id_received_at_index" on "telegram_updates" ("chat_id", "received_at");`);
    this.addSql(`create index "telegram_updates_status_received_at_index" on "telegram_updates" ("status", "received_at") where "status" = 'received';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "telegram_updates" cascade;`);
  }
}
