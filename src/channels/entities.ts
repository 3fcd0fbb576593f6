import { ConsentLog } from './sms/consent-log.entity.js';
import { TelegramUpdate } from './telegram/telegram-update.entity.js';

/** The channels' own tables; kept apart from the channel registry so loading the ORM does not load every SDK. */
export const channelEntities = [ConsentLog, TelegramUpdate];
