import { ConsentLog } from './sms/consent-log.entity.js';
import { TelegramUpdate } from './telegram/telegram-update.entity.js';

/**
 * The channels' own tables. Kept apart from the channel registry, which the config reads before the ORM loads:
 * the registry stays free of entities, and the entities read their channel ids from it lazily.
 */
export const channelEntities = [ConsentLog, TelegramUpdate];
