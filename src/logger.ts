import winston from 'winston';
import { guardErrors } from './log-redaction.js';

export type Logger = winston.Logger;

export function createLogger(opts: { level?: string; json?: boolean; silent?: boolean; toStderr?: boolean } = {}): Logger {
  const { combine, timestamp, json, printf, colorize, errors } = winston.format;
  const readable = printf(({ level, message, timestamp: ts, stack, ...meta }) => {
    const extra = Object.keys(meta).length ? ` ${JSON.stringify(meta, jsonSafe)}` : '';
    return `${String(ts)} ${level} ${String(message)}${extra}${stack ? `\n${String(stack)}` : ''}`;
  });
  // Read at each entry, so a level changed at run time (logger.level = 'debug') is honoured.
  const verbose = () => logger.levels[logger.level]! >= logger.levels.debug!;
  const guard = guardErrors({ verbose });
  const logger = winston.createLogger({
    level: opts.level ?? 'info',
    silent: opts.silent ?? false,
    format: opts.json
      ? combine(guard, errors({ stack: true }), timestamp(), json())
      : combine(guard, errors({ stack: true }), timestamp({ format: 'HH:mm:ss.SSS' }), colorize(), readable),
    transports: [
      new winston.transports.Console({ stderrLevels: opts.toStderr ? ['error', 'warn', 'info', 'debug'] : ['error'] }),
    ],
  });
  return logger;
}

/** +15551230123 → +1555***0123; short or odd identities keep only their last two characters. */
export function maskPhone(phone: string | undefined | null): string {
  if (!phone) return '(none)';
  if (phone.length < 8) return `***${phone.slice(-2)}`;
  return `${phone.slice(0, 5)}***${phone.slice(-4)}`;
}

/** Bodies are summarised at info level; the full text is for debug only. */
export function describeText(text: string): string {
  return `${[...text].length} chars`;
}

function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
