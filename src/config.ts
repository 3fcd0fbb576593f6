import fs from 'node:fs';
import cron from 'node-cron';
import { z } from 'zod';
import { isValidTimeZone } from './time.js';
import { parseChannelSettings, type ChannelSettings } from './channels/index.js';
import { bool, collectProblems, int, optionalText, parseEnv, type Env } from './config-env.js';
import { createLlmConfig, type LlmConfig } from './understanding/llm.config.js';

export { ConfigError, int, optionalText, parseEnv } from './config-env.js';

const optionalUrl = optionalText.pipe(z.url({ message: 'expected a URL such as https://example.com' }).optional());

const timeZone = z
  .string()
  .default('UTC')
  .refine(isValidTimeZone, { message: 'expected an IANA time zone such as America/New_York' });

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: int(3000).pipe(z.number().max(65535, 'expected a port number up to 65535')),
  LOG_LEVEL: z.enum(['error', 'warn', 'info', 'debug']).default('info'),
  DATABASE_URL: optionalText.pipe(
    z.string().regex(/^postgres(ql)?:\/\//, 'expected a postgres:// connection URL').optional(),
  ),
  DATA_DIR: z.string().default('./data'),
  DB_POOL_MAX: int(10, 1),
  MIGRATE_ON_START: bool(true),
  DEFAULT_TIMEZONE: timeZone,
  DEFAULT_CURRENCY: z
    .string()
    .default('USD')
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{3}$/, 'expected a three-letter currency code such as USD')),
  CONVERSATION_IDLE_MINUTES: int(360, 1),
  PUBLIC_BASE_URL: optionalUrl,
  SHUTDOWN_TIMEOUT_MS: int(10_000, 100),
  METRICS_TOKEN: optionalText,
  MAX_MESSAGES_PER_SENDER_PER_MINUTE: int(20, 1),
  SCHEDULER_ENABLED: bool(true),
  SCHEDULER_CRON: z.string().default('* * * * *').refine((v) => cron.validate(v), { message: 'expected a cron expression such as "* * * * *"' }),
  DELIVERY_MAX_ATTEMPTS: int(6, 1),
  CATCHUP_HORIZON_HOURS: int(12, 0),
});

/** The service's own settings; the channels' settings are read against them (PUBLIC_BASE_URL). */
export type CoreConfig = {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  logLevel: 'error' | 'warn' | 'info' | 'debug';
  databaseUrl?: string;
  dataDir: string;
  dbPoolMax: number;
  migrateOnStart: boolean;
  defaultTimezone: string;
  defaultCurrency: string;
  conversationIdleMinutes: number;
  publicBaseUrl?: string;
  shutdownTimeoutMs: number;
  metricsToken?: string;
  maxMessagesPerSenderPerMinute: number;
  schedulerEnabled: boolean;
  schedulerCron: string;
  deliveryMaxAttempts: number;
  catchupHorizonHours: number;
};

export type Config = CoreConfig & {
  /** null: OPENAI_API_KEY is unset and the rules answer alone. */
  llm: LlmConfig | null;
  /** Each registered channel's settings; null when that channel is not configured. */
  channels: ChannelSettings;
};

/**
 * Reads and validates every setting once — the service's, the LLM's and each registered channel's; every problem
 * is reported together, naming the variable. The core comes first: the sections are read against it.
 */
export function createConfig(env: Env = process.env): Config {
  const core = createCoreConfig(env);
  const [llm, channels] = collectProblems([() => createLlmConfig(env), () => parseChannelSettings(env, core)] as const);
  return { ...core, llm, channels };
}

function createCoreConfig(env: Env): CoreConfig {
  const e = parseEnv(schema, env);
  return {
    nodeEnv: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    dbPoolMax: e.DB_POOL_MAX,
    migrateOnStart: e.MIGRATE_ON_START,
    defaultTimezone: e.DEFAULT_TIMEZONE,
    defaultCurrency: e.DEFAULT_CURRENCY,
    conversationIdleMinutes: e.CONVERSATION_IDLE_MINUTES,
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    metricsToken: e.METRICS_TOKEN,
    maxMessagesPerSenderPerMinute: e.MAX_MESSAGES_PER_SENDER_PER_MINUTE,
    schedulerEnabled: e.SCHEDULER_ENABLED,
    schedulerCron: e.SCHEDULER_CRON,
    deliveryMaxAttempts: e.DELIVERY_MAX_ATTEMPTS,
    catchupHorizonHours: e.CATCHUP_HORIZON_HOURS,
  };
}

/** Loads ./.env when present (Node's own parser); real environment variables win. */
export function loadDotEnv(file = '.env'): void {
  if (fs.existsSync(file)) process.loadEnvFile(file);
}
