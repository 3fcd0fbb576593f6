/** Rows of many users (as a dump section reads them, in one statement) grouped by user, order kept, each shaped by `toJson`. */
export function groupByUser<R extends { user: number }>(rows: readonly R[], toJson: (row: R) => unknown): Map<number, unknown[]> {
  const grouped = new Map<number, unknown[]>();
  for (const row of rows) {
    const list = grouped.get(row.user);
    if (list) list.push(toJson(row));
    else grouped.set(row.user, [toJson(row)]);
  }
  return grouped;
}
