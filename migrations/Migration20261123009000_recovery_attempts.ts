import { Migration } from '@mikro-orm/migrations';

/**
 * How many times the recovery has picked up a stored-but-unanswered message or Telegram update: past a bound
 * it is marked failed instead of being run again on every tick (a message that kills its worker, a row
 * that can never be finished).
 */
export class Migration20261123009000_recovery_attempts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "conversation_messages" add column "recovery_attempts" int not null default 0;`);
    this.addSql(`alter table "telegram_updates" add column "replays" int not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "telegram_updates" drop column "replays";`);
    this.addSql(`alter table "conversation_messages" drop column "recovery_attempts";`);
  }
}
