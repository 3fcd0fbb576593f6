import { Migration } from '@mikro-orm/migrations';

/** Who opted out of (or back into) messages, when, by which keyword, on which channel. */
export class Migration20261123003000_sms extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "consent_log" (
      "id" bigserial primary key,
      "user_id" int not null references "users" ("id") on update cascade on delete cascade,
      "channel" text not null constraint "consent_log_channel_check" check ("channel" in ('sms', 'telegram', 'console')),
      "action" text not null constraint "consent_log_action_check" check ("action" in ('opt_out', 'opt_in')),
      "keyword" text null,
      "source" text not null constraint "consent_log_source_check" check ("source" in ('keyword', 'provider_opt_out', 'provider_error')),
      "message_id" bigint null references "conversation_messages" ("id") on delete set null,
      "created_at" timestamptz not null default now());`);
    this.addSql(`create index "consent_log_user_id_created_at_index" on "consent_log" ("user_id", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "consent_log" cascade;`);
  }
}
