import type { QueryBuilder } from '@mikro-orm/postgresql';

/**
 * The rows of a select built with the QueryBuilder as plain objects: columns mapped to property names and instants
 * to Date, as `find` would, but without hydrating entities or touching the identity map. For rows that are only
 * shown, compared or handed on (lists, picks, claims, dumps), where an entity would cost CPU and buy nothing.
 */
export function plainRows<R>(qb: QueryBuilder<any, any, any, any>): Promise<R[]> {
  return qb.execute<R[]>('all');
}
