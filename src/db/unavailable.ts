/** SQLSTATE classes and driver messages that mean "the database cannot be reached right now", not "this request is bad". */
const CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03', '53300']);
const MESSAGES = [
  /Connection terminated/i,
  /Client has encountered a connection error/i,
  /Timeout acquiring a connection/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection due to administrator command/i,
  /Connection refused/i,
  // knex, when the connection under an open transaction died (a restart) and the transaction is used again.
  /Transaction query already complete/i,
];

/**
 * True when `err` (or anything it wraps) says the database is down or restarting: such failures become
 * 503 so that a provider redelivers the webhook (Twilio with the `#rc=` override, Telegram by itself).
 */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 5) return false;
  if (err instanceof DatabaseUnavailableError) return true;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown; name?: unknown };
  // Class 08 is "connection exception", except 08P01 (protocol violation): that one is caused by what we sent.
  if (typeof e.code === 'string' && (CODES.has(e.code) || (e.code.startsWith('08') && e.code !== '08P01'))) return true;
  if (e.name === 'KnexTimeoutError') return true;
  if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}


/** Thrown where a request cannot be finished because the database is (or just was) unavailable; answered 503. */
export class DatabaseUnavailableError extends Error {
  constructor(message = 'The database is unavailable; retry shortly', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}
