import { errorSummary } from '../error-summary.js';
import { StartupError } from '../startup-error.js';

/** What a failed first connection means, naming DATABASE_URL (its password hidden) instead of the driver's words. */
export function explainConnectError(err: unknown, databaseUrl: string): StartupError {
  const where = `the PostgreSQL server in DATABASE_URL (${showDatabaseUrl(databaseUrl)})`;
  return new StartupError(`Cannot connect to ${where}: ${reason(err, hostOf(databaseUrl))}`, { cause: err });
}

/** postgres://user@host:5432/db, password hidden — never the password, nor query parameters (sslpassword…). */
export function showDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    const user = url.username ? `${decodeURIComponent(url.username)}@` : '';
    const shown = `${url.protocol}//${user}${url.hostname}:${url.port || '5432'}${url.pathname}`;
    return url.password ? `${shown}, password hidden` : shown;
  } catch {
    return 'not a URL';
  }
}

function reason(err: unknown, host: string): string {
  const codes = codesOf(err);
  if (codes.has('ECONNREFUSED')) return 'connection refused (is PostgreSQL running and listening on that host and port?)';
  if (codes.has('ENOTFOUND')) return `unknown host "${host}"`;
  if (codes.has('EAI_AGAIN')) return `the host name "${host}" could not be resolved (DNS did not answer)`;
  if (codes.has('ETIMEDOUT') || codes.has('KnexTimeoutError')) return 'no answer (timed out)';
  if (codes.has('ECONNRESET')) return 'the connection was closed by the other side (is that a PostgreSQL server? does it require SSL?)';
  const server = err as { code?: unknown; message?: unknown };
  // The server's own words for a refused session name only the role or the database: "role "x" does not exist".
  if (typeof server.code === 'string' && /^(28|3D|53|57)/.test(server.code) && typeof server.message === 'string') {
    return `${server.message} (SQLSTATE ${server.code})`;
  }
  return errorSummary(err);
}

/** Codes of the error, of the errors it aggregates (one per address tried) and of its cause. */
function codesOf(err: unknown, depth = 0): Set<string> {
  const codes = new Set<string>();
  if (!err || typeof err !== 'object' || depth > 3) return codes;
  const e = err as { code?: unknown; name?: unknown; errors?: unknown; cause?: unknown };
  if (typeof e.code === 'string') codes.add(e.code);
  if (typeof e.name === 'string') codes.add(e.name);
  const inner = [...(Array.isArray(e.errors) ? e.errors : []), e.cause];
  for (const i of inner) for (const code of codesOf(i, depth + 1)) codes.add(code);
  return codes;
}

function hostOf(databaseUrl: string): string {
  try {
    return new URL(databaseUrl).hostname;
  } catch {
    return '';
  }
}
