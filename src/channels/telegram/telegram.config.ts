import { z } from 'zod';
import { ConfigError, optionalText, parseEnv, type Env } from '../../config-env.js';

export const TELEGRAM_DEFAULT_API_ROOT = 'https://api.telegram.org';
export const TELEGRAM_WEBHOOK_PATH = '/webhooks/telegram';

export interface TelegramConfig {
  token: string;
  apiRoot: string;
  /** Set in webhook mode (PUBLIC_BASE_URL present); checked on every webhook request. */
  webhookSecret?: string;
  /** Full webhook URL in webhook mode; undefined means long polling. */
  webhookUrl?: string;
}

const schema = z.object({
  TELEGRAM_BOT_TOKEN: optionalText.pipe(
    z.string().regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'expected the token from @BotFather, such as 123456789:AAH…').optional(),
  ),
  // Telegram's own rule for secret_token: 1–256 characters of A–Z, a–z, 0–9, _ and -.
  TELEGRAM_WEBHOOK_SECRET: optionalText.pipe(
    z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, 'expected 16–256 characters of A-Z, a-z, 0-9, _ or - (try: openssl rand -hex 32)').optional(),
  ),
  TELEGRAM_API_ROOT: optionalText.pipe(z.url({ message: 'expected a URL such as https://api.telegram.org' }).optional()),
});

const SECRETS = new Set(['TELEGRAM_BOT_TOKEN', 'TELEGRAM_WEBHOOK_SECRET']);

/** Null when TELEGRAM_BOT_TOKEN is unset: the channel is off. */
export function parseTelegramConfig(env: Env, publicBaseUrl: string | undefined): TelegramConfig | null {
  const e = parseEnv(schema, env, SECRETS);
  if (!e.TELEGRAM_BOT_TOKEN) return null;
  if (publicBaseUrl && !e.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigError([
      'TELEGRAM_WEBHOOK_SECRET: required when PUBLIC_BASE_URL is set (Telegram webhook mode); 16–256 characters of A-Z, a-z, 0-9, _ or -',
    ]);
  }
  return {
    token: e.TELEGRAM_BOT_TOKEN,
    apiRoot: (e.TELEGRAM_API_ROOT ?? TELEGRAM_DEFAULT_API_ROOT).replace(/\/+$/, ''),
    webhookSecret: publicBaseUrl ? e.TELEGRAM_WEBHOOK_SECRET : undefined,
    webhookUrl: publicBaseUrl ? `${publicBaseUrl.replace(/\/+$/, '')}${TELEGRAM_WEBHOOK_PATH}` : undefined,
  };
}
