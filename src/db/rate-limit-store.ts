import { RateLimiterPostgres } from 'rate-limiter-flexible';
import type { EntityManager } from '@mikro-orm/postgresql';
import { query, sqlOf } from './sql.js';

export interface StoreLimits {
  keyPrefix: string;
  points: number;
  /** How long the library keeps a key (its own wall-clock expiry). */
  durationSeconds: number;
}

/**
 * rate-limiter-flexible's PostgreSQL limiter on the ORM's connections. With `em` in a transaction (the message's) it
 * counts on that transaction's connection, so counting never waits for a second pooled connection while one is held.
 * Its statements go through `sqlOf` like ours do, which names them per connection on a server and never on the embedded
 * database, whose connections share one session (the library's fixed statement names would collide there).
 * The table is the RateLimit entity's, created by a migration: `tableCreated` stops the library creating it.
 */
export function rateLimiterOn(em: EntityManager, limits: StoreLimits): RateLimiterPostgres {
  // rowCount is right for the statements used here (upsert … returning, select), not for the library's delete().
  const storeClient = {
    query: async ({ text, values }: { text: string; values?: unknown[] }) => {
      const rows = await (await sqlOf(em))(text, values);
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
export async function deleteExpiredLimits(em: EntityManager, nowMs: number): Promise<void> {
  await query(em, `delete from rate_limits where expire < ?`, [nowMs]);
}
