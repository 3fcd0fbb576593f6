import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlAutocommit } from '../db/sql.js';

/** Runs `text` with `$1` bound to the user ids, and groups its rows (shaped by `toJson`, order kept) by their user_id. */
export async function rowsByUser<R extends { user_id: number }>(
  em: EntityManager,
  text: string,
  userIds: readonly number[],
  toJson: (row: R) => unknown,
): Promise<Map<number, unknown[]>> {
  const grouped = new Map<number, unknown[]>();
  for (const row of await sqlAutocommit(em)<R>(text, [userIds])) {
    const rows = grouped.get(row.user_id);
    if (rows) rows.push(toJson(row));
    else grouped.set(row.user_id, [toJson(row)]);
  }
  return grouped;
}
