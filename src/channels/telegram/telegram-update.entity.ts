import { BigIntType, Entity, EntityRepositoryType, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { instantNow, optionalInstant, partialIndex } from '../../entities/columns.js';
import { TelegramUpdateRepository } from './telegram-update.repository.js';

export const TELEGRAM_UPDATE_STATUSES = ['received', 'processed', 'failed', 'ignored'] as const;

/**
 * Every Telegram update as it arrived, stored before any processing: the primary key on update_id is what
 * makes a redelivered update run once, and it works for chats not yet linked to a user.
 */
@Entity({ tableName: 'telegram_updates', repository: () => TelegramUpdateRepository })
@Index({ properties: ['chatId', 'receivedAt'] })
@Index(partialIndex('telegram_updates', ['status', 'received_at'], `"status" = 'received'`))
export class TelegramUpdate {
  [EntityRepositoryType]?: TelegramUpdateRepository;
  [OptionalProps]?: 'chatId' | 'status' | 'error' | 'replays' | 'receivedAt' | 'processedAt';

  @PrimaryKey({ type: new BigIntType('string'), autoincrement: false })
  updateId!: string;

  @Property({ type: new BigIntType('string'), nullable: true })
  chatId?: string | null;

  @Property({ type: 'text' })
  kind!: string;

  @Enum({ type: 'text', items: () => TELEGRAM_UPDATE_STATUSES, default: 'received' })
  status: (typeof TELEGRAM_UPDATE_STATUSES)[number] = 'received';

  @Property({ type: 'json' })
  payload!: unknown;

  @Property({ type: 'text', nullable: true })
  error?: string | null;

  /** How many times recovery picked the update up; past a bound it is failed instead of replayed again. */
  @Property({ type: 'integer', default: 0 })
  replays: number = 0;

  @Property(instantNow())
  receivedAt: Date = new Date();

  @Property(optionalInstant())
  processedAt?: Date | null;
}
