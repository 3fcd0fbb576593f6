import winston from 'winston';
import { errorSummary, isErrorLike, maskNumbers } from './error-summary.js';

const LEVEL = Symbol.for('level');
const SPLAT = Symbol.for('splat');
/** Where errors and libraries keep statements, bound values, offending keys, request payloads and stacks. */
const UNSAFE_KEYS = new Set([
  'stack', 'sql', 'params', 'parameters', 'bindings', 'query', 'detail', 'hint', 'where', 'internalQuery', 'payload',
]);
const MAX_DEPTH = 4;

type Info = winston.Logform.TransformableInfo & Record<string | symbol, unknown>;

/**
 * The one place errors become log fields. Outside debug an error is its class, code and a message without
 * SQL, values or phone numbers, and no stack — however it was handed over: `logger.error(err)`,
 * `logger.error('msg', err)`, `{ error: err }` or nested deeper. At debug everything is kept, stacks included.
 */
export const guardErrors = winston.format((info, opts) =>
  (opts as { verbose: () => boolean }).verbose() ? expandErrors(info as Info) : redact(info as Info),
);

function redact(info: Info): Info {
  const handed = handedErrors(info);
  const fromErrors = new Set(handed.flatMap((err) => Object.keys(err)));
  const out: Info = { level: info.level, [LEVEL]: info[LEVEL] ?? info.level, message: redactedMessage(info, handed) };
  for (const [key, value] of Object.entries(info)) {
    if (key === 'level' || key === 'message' || UNSAFE_KEYS.has(key) || (fromErrors.has(key) && key !== 'code')) continue;
    out[key] = redactValue(value, 0);
  }
  return out;
}

/** Errors whose own fields winston copied onto the entry: the entry itself, or `logger.error('msg', err)`. */
function handedErrors(info: Info): Error[] {
  const splat = Array.isArray(info[SPLAT]) ? (info[SPLAT] as unknown[]) : [];
  return [...(info instanceof Error ? [info] : []), ...splat.filter((v): v is Error => v instanceof Error)];
}

function redactedMessage(info: Info, handed: Error[]): string {
  const { message } = info as { message: unknown };
  if (info instanceof Error || isErrorLike(message)) return errorSummary(info instanceof Error ? info : message);
  let text = String(message);
  for (const err of handed) text = text.replace(` ${err.message}`, ` ${errorSummary(err)}`);
  // A child logger copies a logged error's fields onto a plain object: its stack says it was one.
  if (!handed.length && typeof info.stack === 'string') return errorSummary({ ...info, message: text });
  return maskNumbers(text);
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return maskNumbers(value);
  if (value instanceof Error || (isPlainObject(value) && isErrorLike(value) && 'stack' in value)) return errorSummary(value);
  if (depth >= MAX_DEPTH) return Array.isArray(value) || isPlainObject(value) ? '[…]' : value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (!UNSAFE_KEYS.has(key)) out[key] = redactValue(v, depth + 1);
  return out;
}

/** At debug: errors in fields keep their message, code, details and stack (JSON would show only their own fields). */
function expandErrors(info: Info): Info {
  for (const [key, value] of Object.entries(info)) {
    if (value instanceof Error) info[key] = { ...value, name: value.name, message: value.message, stack: value.stack };
  }
  return info;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
