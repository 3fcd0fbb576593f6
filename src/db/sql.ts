import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * One SQL statement with `$1, $2…` placeholders, returning its rows. The hot path (recording a message,
 * the processing transaction, the common tool statements) goes through this instead of the entity layer:
 * an entity call costs about ten times the statement it sends (BENCHMARKS.md, "Where the time goes").
 *
 * Rows come back as the driver gives them on the ORM's connections: timestamptz as text (MikroORM's type
 * parsers), json/jsonb parsed, bigint as text. Select `to_json(col)` or use `toDate` for instants.
 */
export type Sql = <T = Record<string, any>>(text: string, params?: readonly unknown[]) => Promise<T[]>;

/** The part of a pg client this needs. */
interface RawClient {
  query(text: string, params?: unknown[]): Promise<{ rows: any[] }>;
}

interface KnexClient {
  acquireConnection(): Promise<RawClient>;
  releaseConnection(connection: RawClient): Promise<void>;
}

function over(client: RawClient): Sql {
  return async (text, params) => (await client.query(text, params as unknown[] | undefined)).rows;
}

function knexClient(em: EntityManager): KnexClient {
  return em.getConnection().getKnex().client as KnexClient;
}

/**
 * Statements through `em`: inside its open transaction (on that transaction's connection) when it has one,
 * otherwise each statement on its own (autocommit) on a pooled connection.
 */
export async function sqlOf(em: EntityManager): Promise<Sql> {
  const trx = em.getTransactionContext<{ client: KnexClient } | undefined>();
  if (trx) return over(await trx.client.acquireConnection());
  return sqlAutocommit(em);
}

/**
 * A transaction on one connection of the ORM's pool (same pool, same limits), with no entity manager:
 * BEGIN, `fn`, COMMIT — or ROLLBACK when `fn` throws.
 */
export async function sqlTransaction<T>(em: EntityManager, fn: (sql: Sql) => Promise<T>): Promise<T> {
  const knex = knexClient(em);
  const client = await knex.acquireConnection();
  try {
    await client.query('begin');
    let result: T;
    try {
      result = await fn(over(client));
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      throw err;
    }
    await client.query('commit');
    return result;
  } finally {
    await knex.releaseConnection(client);
  }
}

/** Each statement on its own (autocommit), on a connection of the ORM's pool. */
export function sqlAutocommit(em: EntityManager): Sql {
  const knex = knexClient(em);
  return async (text, params) => {
    const client = await knex.acquireConnection();
    try {
      return await over(client)(text, params);
    } finally {
      await knex.releaseConnection(client);
    }
  };
}

/** An instant as the ORM's connections return it (timestamptz text) or as JSON gives it (ISO text). */
export function toDate(value: string | Date): Date;
export function toDate(value: string | Date | null | undefined): Date | null;
export function toDate(value: string | Date | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  // PostgreSQL's text form "2026-11-23 17:40:00.123+00" is not ISO 8601; make it so.
  return new Date(value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
}
