import { Migration } from '@mikro-orm/migrations';

/** Foreign keys take the names the entities give them, so the ORM's schema diff of a migrated database is empty. */
const foreignKeys: [table: string, column: string][] = [
  ['user_channels', 'user_id'],
  ['conversation_states', 'user_id'],
  ['conversation_messages', 'conversation_id'],
  ['conversation_messages', 'user_id'],
  ['conversation_messages', 'in_reply_to'],
  ['agent_logs', 'user_id'],
  ['outbound_messages', 'user_id'],
  ['reminders', 'user_id'],
  ['calendar_events', 'user_id'],
  ['grocery_items', 'user_id'],
  ['expenses', 'user_id'],
  ['expenses', 'category_id'],
  ['consent_log', 'user_id'],
  ['consent_log', 'message_id'],
  ['agenda_schedules', 'user_id'],
];

export class Migration20261130220000_entity_names extends Migration {
  override async up(): Promise<void> {
    for (const [table, column] of foreignKeys) {
      this.addSql(`alter table "${table}" rename constraint "${table}_${column}_fkey" to "${table}_${column}_foreign";`);
    }
  }

  override async down(): Promise<void> {
    for (const [table, column] of foreignKeys) {
      this.addSql(`alter table "${table}" rename constraint "${table}_${column}_foreign" to "${table}_${column}_fkey";`);
    }
  }
}
