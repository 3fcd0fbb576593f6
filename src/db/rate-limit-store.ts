import { RateLimiterPostgres } from 'rate-limiter-flexible';
import type { Sql } from './sql.js';

export interface StoreLimits {
  keyPrefix: string;
  points: number;
  /** How long the library keeps a key (its own wall-clock expiry). */
  durationSeconds: number;
}

/**
 * rate-limiter-flexible's PostgreSQL limiter on one of our connections. `sql` may be the connection of the caller's
 * open transaction (the message's), so counting never waits for a second pooled connection while one is held. Its
 * statements go through `sql` like ours do, which names them per connection on a server and never on the embedded
 * database, whose connections share one session (the library's fixed statement names would collide there).
 * The table is the RateLimit entity's, created by a migration: `tableCreated` stops the library creating it.
 */
export function rateLimiterOn(sql: Sql, limits: StoreLimits): RateLimiterPostgres {
  // rowCount is right for the statements used here (upsert … returning, select), not for the library's delete().
  const storeClient = {
    query: async ({ text, values }: { text: string; values?: unknown[] }) => {
      const rows = await sql(text, values);
      return { rows, rowCount: rows.length };
    },
  };
  return new RateLimiterPostgres({
    storeClient,
    storeType: 'client',
    tableName: 'rate_limits',
    tableCreated: true,
    clearExpiredByTimeout: false,
    keyPrefix: limits.keyPrefix,
    points: limits.points,
    duration: limits.durationSeconds,
  });
}

/** Deletes the counters whose expiry (the library's, wall clock in epoch milliseconds) has passed. */
export async function deleteExpiredLimits(sql: Sql, nowMs: number): Promise<void> {
  await sql(`delete from rate_limits where expire < $1`, [nowMs]);
}
