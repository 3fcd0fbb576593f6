import fs from 'node:fs';
import cron from 'node-cron';
import { z } from 'zod';
import { isValidTimeZone } from './time.js';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
    .optional()
    .transform((v) => (v === undefined ? fallback : ['true', '1', 'yes'].includes(v)));

const int = (fallback: number, min = 0) =>
  z.coerce.number({ message: 'expected a whole number' }).int('expected a whole number').min(min).default(fallback);

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

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

export type Config = {
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

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates settings once; every problem is reported together, naming the variable. */
export function createConfig(env: Record<string, string | undefined> = process.env): Config {
  const blankToUndefined = Object.fromEntries(
    Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]),
  );
  const parsed = schema.safeParse(blankToUndefined);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(env[String(issue.path[0])] ?? null)})`),
    );
  }
  const e = parsed.data;
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
