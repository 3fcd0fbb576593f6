import { Migration } from '@mikro-orm/migrations';

/**
 * The conversation history an understander reads ("the last N messages of this conversation before this one",
 * ordered by id) walked the primary key backwards past every other conversation's newer messages: 370 ms at
 * 1M stored messages (BENCHMARKS.md, growth). With (conversation_id, id) it is a short range scan.
 */
export class Migration20261123008000_history_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "conversation_messages_conversation_id_id_index" on "conversation_messages" ("conversation_id", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "conversation_messages_conversation_id_id_index";`);
  }
}
