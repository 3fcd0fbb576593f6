import type { ChannelFactory } from '../types.js';
import { parseTelegramConfig, type TelegramConfig } from './telegram.config.js';

/** On when TELEGRAM_BOT_TOKEN is set; addresses a person by their chat id, linked to their phone number. */
export const telegramChannel: ChannelFactory<'telegram', TelegramConfig> = {
  id: 'telegram',
  address: 'external',
  settings: (env, core) => parseTelegramConfig(env, core.publicBaseUrl),
  // grammY loads only when the channel is configured.
  create: async (deps, settings) => (settings ? (await import('./telegram.adapter.js')).createTelegramChannel(deps, settings) : null),
};
