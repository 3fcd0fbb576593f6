import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * One SQL statement with `$1, $2…` placeholders, returning its rows: for the few statements of src/db, src/outbox
 * and src/scheduler the ORM cannot say in one (the record, the outcome, the claims). Rows come back as the driver
 * gives them on the ORM's connections: timestamptz as text, json/jsonb parsed, bigint as text.
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
/** Each statement on its own (autocommit), on a connection of the ORM's pool. */
function sqlAutocommit(em: EntityManager): Sql {
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
