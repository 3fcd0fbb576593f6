/**
 * Column shapes shared by the entities, so the schema the ORM compares against says exactly what the database has:
 * instants are timestamptz, and columns the raw statements leave out get the database's own default.
 * Functions, not shared objects: the ORM writes into the options it is given.
 */
export const instant = () => ({ type: 'datetime', columnType: 'timestamptz' }) as const;
export const instantNow = () => ({ ...instant(), defaultRaw: 'now()' }) as const;
export const optionalInstant = () => ({ ...instant(), nullable: true }) as const;

interface PartialIndexOptions {
  unique?: boolean;
  /** Defaults to the ORM's convention: table_columns_index, or table_columns_unique. */
  name?: string;
  nullsNotDistinct?: boolean;
}

/** A partial index, which the ORM cannot describe with properties alone; it compares such indexes by name. */
export function partialIndex(table: string, columns: string[], where: string, options: PartialIndexOptions = {}) {
  const name = options.name ?? `${table}_${columns.join('_')}_${options.unique ? 'unique' : 'index'}`;
  const on = `(${columns.map((c) => `"${c}"`).join(', ')})${options.nullsNotDistinct ? ' nulls not distinct' : ''}`;
  return { name, expression: `create ${options.unique ? 'unique ' : ''}index "${name}" on "${table}" ${on} where ${where}` };
}
