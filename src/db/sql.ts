import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * One SQL statement with `$1, $2…` placeholders, returning its rows. The hot path (recording a message,
 * the processing transaction, the common tool statements) goes through this instead of the entity layer:
 * an entity call costs about ten times the statement it sends (BENCHMARKS.md, "What each change bought").
 *
 * Rows come back as the driver gives them on the ORM's connections: timestamptz as text (MikroORM's type
 * parsers), json/jsonb parsed, bigint as text. Select `to_json(col)` or use `toDate` for instants.
 */
export type Sql = <T = Record<string, any>>(text: string, params?: readonly unknown[]) => Promise<T[]>;

interface KnexClient {
  acquireConnection(): Promise<RawClient>;
  releaseConnection(connection: RawClient): Promise<void>;
}

interface RawClient {
  query(config: { name?: string; text: string; values?: unknown[] }): Promise<{ rows: any[] }>;
}

/**
 * Statement texts with a short name each, so PostgreSQL parses and plans them once per connection instead of on
 * every execution (the record and outcome statements are CTEs whose planning is a real part of their cost).
 * Bounded: texts beyond the limit run unnamed.
 */
const statementNames = new Map<string, string>();
const MAX_NAMED_STATEMENTS = 500;
/** Pools on which statements are named: not the embedded database, whose connections share one session. */
const namingPools = new WeakSet<object>();

export function nameStatements(em: EntityManager): void {
  namingPools.add(knexClient(em));
}

/**
 * Names are per connection as well: a server proxied to a single-session database (tests point DATABASE_URL at
 * the embedded one) would otherwise see two connections prepare the same name.
 */
const connectionIds = new WeakMap<object, number>();
let connections = 0;

function nameOf(client: RawClient, text: string): string | undefined {
  let id = statementNames.get(text);
  if (id === undefined && statementNames.size < MAX_NAMED_STATEMENTS) {
    id = String(statementNames.size);
    statementNames.set(text, id);
  }
  if (id === undefined) return undefined;
  let connection = connectionIds.get(client);
  if (connection === undefined) connectionIds.set(client, (connection = ++connections));
  return `errand_${connection}_${id}`;
}

function over(client: RawClient, named: boolean): Sql {
  return async (text, params) => {
    const values = params as unknown[] | undefined;
    return (await client.query({ name: named && values?.length ? nameOf(client, text) : undefined, text, values })).rows;
  };
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
  if (trx) return over(await trx.client.acquireConnection(), namingPools.has(knexClient(em)));
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
    await client.query({ text: 'begin' });
    let result: T;
    try {
      result = await fn(over(client, namingPools.has(knex)));
    } catch (err) {
      await client.query({ text: 'rollback' }).catch(() => undefined);
      throw err;
    }
    await client.query({ text: 'commit' });
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
      return await over(client, namingPools.has(knex))(text, params);
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

/** `?` placeholders as `$1, $2…`, once per text (the raw statements here have no `?` operator or literal). */
const numbered = new Map<string, string>();

function dollarPlaceholders(text: string): string {
  let out = numbered.get(text);
  if (out === undefined) {
    let n = 0;
    out = text.replace(/\?/g, () => `$${++n}`);
    if (numbered.size < MAX_NAMED_STATEMENTS) numbered.set(text, out);
  }
  return out;
}

/**
 * One raw statement with `?` placeholders through `em`: in its open transaction when it has one, otherwise on its
 * own. Like `em.getConnection().execute(text, params, 'all', em.getTransactionContext())`, but the statement is
 * named per connection (parsed and planned once), which is what keeps the hot path's CTEs cheap for PostgreSQL.
 */
export async function query<T = Record<string, any>>(em: EntityManager, text: string, params: readonly unknown[]): Promise<T[]> {
  return (await sqlOf(em))<T>(dollarPlaceholders(text), params);
}
