import { Migration } from '@mikro-orm/migrations';

/** The outbox every notification and delayed reply goes through. */
export class Migration20261123000100_outbox extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "outbound_messages" (
      "id" bigserial primary key,
      "user_id" int not null references "users" ("id") on update cascade on delete cascade,
      "channel" text null constraint "outbound_messages_channel_check" check ("channel" in ('sms', 'telegram', 'console')),
      "recipient" text null,
      "body" text not null,
      "kind" text not null constraint "outbound_messages_kind_check" check ("kind" in ('reminder', 'event', 'agenda', 'reply', 'system')),
      "source_type" text null,
      "source_id" text null,
      "occurrence_at" timestamptz null,
      "status" text not null default 'queued' constraint "outbound_messages_status_check" check ("status" in ('queued', 'sending', 'sent', 'delivered', 'failed', 'dead')),
      "attempts" int not null default 0,
      "next_attempt_at" timestamptz not null default now(),
      "provider_message_id" text null,
      "segments" int null,
      "last_error" text null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now());`);
    this.addSql(`create index "outbound_messages_status_next_attempt_at_index" on "outbound_messages" ("status", "next_attempt_at");`);
    this.addSql(`create unique index "outbound_messages_source_unique" on "outbound_messages" ("source_type", "source_id", "occurrence_at") nulls not distinct where "source_type" is not null;`);
    this.addSql(`create index "outbound_messages_provider_message_id_index" on "outbound_messages" ("provider_message_id") where "provider_message_id" is not null;`);
    this.addSql(`create index "outbound_messages_user_id_created_at_index" on "outbound_messages" ("user_id", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "outbound_messages" cascade;`);
  }
}
