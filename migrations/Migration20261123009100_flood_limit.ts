import { Migration } from '@mikro-orm/migrations';

/**
 * The flood limit is shared by every instance: rate-limiter-flexible's PostgreSQL store (`rate_limits`, the columns
 * its statements expect), and messages beyond the limit are kept `held` until the scheduler answers them, found
 * per sender in arrival order through a partial index that holds only them.
 */
export class Migration20261123009100_flood_limit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "rate_limits" (
      "key" varchar(255) primary key,
      "points" int not null default 0,
      "expire" bigint null);`);
    this.addSql(`alter table "conversation_messages" drop constraint "conversation_messages_status_check";`);
    this.addSql(`alter table "conversation_messages" add constraint "conversation_messages_status_check"
      check ("status" in ('received', 'processed', 'failed', 'held'));`);
    this.addSql(`create index "conversation_messages_held_user_id_id_index" on "conversation_messages" ("user_id", "id")
      where "status" = 'held';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "conversation_messages_held_user_id_id_index";`);
    // Held messages become stranded ones: the recovery job answers them.
    this.addSql(`update "conversation_messages" set "status" = 'received' where "status" = 'held';`);
    this.addSql(`alter table "conversation_messages" drop constraint "conversation_messages_status_check";`);
    this.addSql(`alter table "conversation_messages" add constraint "conversation_messages_status_check"
      check ("status" in ('received', 'processed', 'failed'));`);
    this.addSql(`drop table if exists "rate_limits";`);
  }
}
