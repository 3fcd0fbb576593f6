import { Migration } from '@mikro-orm/migrations';

/**
 * Recurring reminders follow the user's current zone unless the user pinned one ("every monday at 9 London time").
 * Following is floating time in RFC 5545 (a DTSTART without TZID); every rule stored so far was set without a
 * pinned zone (its TZID was just the user's zone then), so each becomes floating. Its next due time is left as
 * stored; the rule is expanded in the user's zone from the next sending on.
 */
export class Migration20261130000100_recurring_reminders_follow_zone extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update "reminders" set "rrule" = regexp_replace("rrule", '^DTSTART;TZID=[^:\\n]+:', 'DTSTART:')
                  where "rrule" like 'DTSTART;TZID=%';`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "reminders" set "rrule" = 'DTSTART;TZID=' || "timezone" || ':' || substr("rrule", 9)
                  where "rrule" like 'DTSTART:%';`);
  }
}
