/**
 * What may be said about an error outside debug logs: its class, its code and its message without SQL, bound
 * values, offending keys or phone numbers. Driver errors (pg, MikroORM's DriverException) carry the statement
 * with its values in `message`, and `detail` says "Key (phone_number)=(+1555…) already exists": neither leaves here.
 */
const MAX_LENGTH = 500;
/** PostgreSQL's SQLSTATE codes (23505, 22P02, 57P01…), not Node's (ECONNREFUSED, EPIPE). */
const SQLSTATE = /^([0-9][0-9A-Z]|HV|P0|XX|F0)[0-9A-Z]{3}$/;
/** knex and MikroORM put the statement first: `insert into "users" (…) values (…) - duplicate key value violates …`. */
const STATEMENT_FIRST = /^\s*(?:select\s|insert\s+into\s|update\s+\S+\s+set\s|delete\s+from\s|with\s+\S+\s+as\s)[\s\S]* - ([^\n]*)/i;
/** MikroORM appends the server's detail and hint, which quote the offending values. */
const APPENDED_DETAIL = /\n - (?:detail|hint): [\s\S]*$/;
/** 10 to 15 digits, optionally with a leading +, single spaces, dots, dashes or parentheses between them. */
/** The fields of a server error that name schema objects, which its message may quote. */
const IDENTIFIER_FIELDS = ['constraint', 'table', 'column', 'schema', 'dataType'];
const PHONE_LIKE = /(?<![\w+])\+?\(?\d(?:[\s().-]{0,2}\d){9,14}(?!\w)/g;

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  stack?: unknown;
  [key: string]: unknown;
}

export function errorSummary(err: unknown): string {
  if (!isErrorLike(err)) return maskNumbers(String(err)).slice(0, MAX_LENGTH);
  const code = typeof err.code === 'string' || typeof err.code === 'number' ? ` [${err.code}]` : '';
  return `${errorName(err)}${code}: ${safeMessage(err)}`.slice(0, MAX_LENGTH);
}

export function isErrorLike(value: unknown): value is ErrorLike {
  return value instanceof Error || (typeof value === 'object' && value !== null && typeof (value as ErrorLike).message === 'string');
}

/** Phone-number-shaped digit runs become +1555***0123 (or ***0123 without a country code). */
export function maskNumbers(text: string): string {
  return text.replace(PHONE_LIKE, (found) => {
    const digits = found.replace(/\D/g, '');
    return found.startsWith('+') ? `+${digits.slice(0, 4)}***${digits.slice(-4)}` : `***${digits.slice(-4)}`;
  });
}

function errorName(err: ErrorLike): string {
  if (typeof err.name === 'string' && err.name) return err.name;
  const fromStack = typeof err.stack === 'string' ? /^(\w+):/.exec(err.stack)?.[1] : undefined;
  return fromStack ?? 'Error';
}

function safeMessage(err: ErrorLike): string {
  let message = String(err.message).replace(APPENDED_DETAIL, '');
  message = STATEMENT_FIRST.exec(message)?.[1] ?? message;
  if (typeof err.code === 'string' && SQLSTATE.test(err.code)) message = maskQuotedValues(message, err);
  return maskNumbers(message);
}

/** The server's messages quote values too ('invalid input syntax for type integer: "abc"'); only its own identifiers stay. */
function maskQuotedValues(message: string, err: ErrorLike): string {
  const identifiers = new Set(IDENTIFIER_FIELDS.map((key) => err[key]).filter((v) => typeof v === 'string'));
  return message.replace(/"([^"]*)"/g, (quoted, inner: string) => (identifiers.has(inner) ? quoted : '"…"'));
}
