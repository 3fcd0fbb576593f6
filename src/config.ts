import fs from 'node:fs';
import cron from 'node-cron';
import { z } from 'zod';
import { isValidTimeZone } from './time.js';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
    .optional()
    .transform((v) => (v === undefined ? fallback : ['true', '1', 'yes'].includes(v)));

/** A whole number from the environment, with its default and bounds (shared by every settings module). */
export const int = (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number({ message: 'expected a whole number' }).int('expected a whole number').min(min).max(max).default(fallback);

/** Text from the environment; blank counts as unset. */
export const optionalText = z
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

/**
 * Validates the variables `schema` names (blank counts as unset). Every problem is reported together, naming the
 * variable and what it got — secrets as "(hidden)". Used by the core settings and by each channel's and the LLM's.
 */
export function parseEnv<S extends z.ZodObject>(schema: S, env: Record<string, string | undefined>, secrets: ReadonlySet<string> = new Set()): z.output<S> {
  const values = Object.fromEntries(Object.keys(schema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${name}: ${issue.message} (got ${secrets.has(name) ? '(hidden)' : JSON.stringify(env[name] ?? null)})`;
    }),
  );
}

/** Reads and validates settings once; every problem is reported together, naming the variable. */
export function createConfig(env: Record<string, string | undefined> = process.env): Config {
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
