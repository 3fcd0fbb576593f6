import { Migration } from '@mikro-orm/migrations';

/** Lets the recovery job find stored-but-unanswered messages without scanning the whole history. */
export class Migration20261123000200_inbound_recovery extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "conversation_messages_received_timestamp_index" on "conversation_messages" ("timestamp") where "status" = 'received';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "conversation_messages_received_timestamp_index";`);
  }
}
