import { ConfigError, createConfig, loadDotEnv } from '../../config.js';
import { createLogger, type Logger } from '../../logger.js';
import { ALLOWED_UPDATES, createApiBot } from './telegram.bot.js';
import type { TelegramConfig } from './telegram.config.js';
import { registerCommands } from './telegram.adapter.js';

export const WEBHOOK_ACTIONS = ['set', 'delete', 'info'] as const;
export type WebhookAction = (typeof WEBHOOK_ACTIONS)[number];

/** `npm run telegram:webhook -- set|delete|info`; returns what to print (JSON). */
export async function runWebhookCommand(action: WebhookAction, config: TelegramConfig, logger: Logger): Promise<unknown> {
  const bot = createApiBot(config);
  switch (action) {
    case 'set': {
      if (!config.webhookUrl || !config.webhookSecret) {
        throw new ConfigError(['PUBLIC_BASE_URL: required to set the webhook (the public HTTPS address of this server)']);
      }
      await bot.api.setWebhook(config.webhookUrl, { secret_token: config.webhookSecret, allowed_updates: [...ALLOWED_UPDATES] });
      await registerCommands(bot, logger);
      return { ok: true, webhook: config.webhookUrl };
    }
    case 'delete':
      await bot.api.deleteWebhook();
      return { ok: true, webhook: null };
    case 'info':
      return bot.api.getWebhookInfo();
  }
}

async function main(): Promise<void> {
  const action = process.argv[2];
  if (!WEBHOOK_ACTIONS.includes(action as WebhookAction)) {
    console.error('usage: npm run telegram:webhook -- set|delete|info');
    process.exit(2);
  }
  loadDotEnv();
  const config = createConfig().channels.telegram;
  if (!config) throw new ConfigError(['TELEGRAM_BOT_TOKEN: required (the token from @BotFather)']);
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn', toStderr: true });
  console.log(JSON.stringify(await runWebhookCommand(action as WebhookAction, config, logger), null, 2));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : `telegram:webhook failed: ${String(err)}`);
    process.exit(1);
  });
}
