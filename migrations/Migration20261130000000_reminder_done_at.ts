import { Migration } from '@mikro-orm/migrations';

/**
 * reminders.done_at: when the user said "done". A recurring reminder stays pending after "done", so without it
 * a later "snooze" could not tell that the occurrence last sent was already dealt with, and brought it back.
 */
export class Migration20261130000000_reminder_done_at extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "reminders" add column "done_at" timestamptz null;`);
    this.addSql(`update "reminders" set "done_at" = "updated_at" where "status" = 'done';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "reminders" drop column if exists "done_at";`);
  }
}
