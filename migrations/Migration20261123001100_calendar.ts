import { Migration } from '@mikro-orm/migrations';

/** Calendar events; instants in UTC, all-day events span local midnight to local midnight. */
export class Migration20261123001100_calendar extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "calendar_events" (
      "id" serial primary key,
      "user_id" int not null references "users" ("id") on update cascade on delete cascade,
      "title" text not null constraint "calendar_events_title_not_blank" check (length(btrim("title")) > 0),
      "description" text null,
      "start_at" timestamptz not null,
      "end_at" timestamptz not null,
      "location" text null,
      "all_day" boolean not null default false,
      "notify_minutes_before" int null constraint "calendar_events_notify_check" check ("notify_minutes_before" >= 0),
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      constraint "calendar_events_end_after_start" check ("end_at" >= "start_at"));`);
    this.addSql(`create index "calendar_events_user_id_start_at_index" on "calendar_events" ("user_id", "start_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "calendar_events" cascade;`);
  }
}
