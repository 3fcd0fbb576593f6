import { Migration } from '@mikro-orm/migrations';

/** Reminders: one-off or recurring (RRULE with a local-time DTSTART), claimed by the scheduler by (status, due_at). */
export class Migration20261123001000_reminders extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "reminders" (
      "id" serial primary key,
      "user_id" int not null references "users" ("id") on update cascade on delete cascade,
      "text" text not null constraint "reminders_text_not_blank" check (length(btrim("text")) > 0),
      "due_at" timestamptz not null,
      "rrule" text null,
      "timezone" text not null,
      "status" text not null default 'pending' constraint "reminders_status_check" check ("status" in ('pending', 'sent', 'done', 'cancelled')),
      "last_sent_at" timestamptz null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now());`);
    this.addSql(`create index "reminders_status_due_at_index" on "reminders" ("status", "due_at");`);
    this.addSql(`create index "reminders_user_id_status_due_at_index" on "reminders" ("user_id", "status", "due_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "reminders" cascade;`);
  }
}
