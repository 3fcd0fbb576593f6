import { Migration } from '@mikro-orm/migrations';

/**
 * Scheduler claims (due reminders use the existing (status, due_at) index): event alert times kept on the row
 * (notify_at, notified_at) with a partial index, and one daily-agenda schedule row per opted-in user.
 */
export class Migration20261123006000_scheduler extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "calendar_events"
      add column "notify_at" timestamptz null,
      add column "notified_at" timestamptz null;`);
    this.addSql(`create index "calendar_events_notify_at_index" on "calendar_events" ("notify_at") where "notify_at" is not null and "notified_at" is null;`);
    // Existing future timed events get the default alert (30 minutes before) unless it has already passed.
    this.addSql(`update "calendar_events" set "notify_at" = "start_at" - make_interval(mins => coalesce("notify_minutes_before", 30))
      where not "all_day" and "start_at" - make_interval(mins => coalesce("notify_minutes_before", 30)) > now();`);

    this.addSql(`create table "agenda_schedules" (
      "user_id" int primary key references "users" ("id") on update cascade on delete cascade,
      "next_at" timestamptz not null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now());`);
    this.addSql(`create index "agenda_schedules_next_at_index" on "agenda_schedules" ("next_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "agenda_schedules" cascade;`);
    this.addSql(`drop index if exists "calendar_events_notify_at_index";`);
    this.addSql(`alter table "calendar_events" drop column if exists "notify_at", drop column if exists "notified_at";`);
  }
}
