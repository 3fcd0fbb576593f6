import { describeItem } from './grocery.parse.js';
import type { GroceryRow } from './grocery.repository.js';

/** A named list as shown: its open items one a line, then what is done ("📝 Your to-do list (2): …"). */
export function namedList(rows: GroceryRow[], label: string): string {
  if (!rows.length) return `📝 Your ${label} is empty.`;
  const open = rows.filter((r) => !r.done);
  const done = rows.filter((r) => r.done);
  const lines = [open.length ? `📝 Your ${label} (${open.length}):` : `📝 Everything on your ${label} is done.`];
  lines.push(...open.map((r) => `• ${describeItem(r)}`));
  if (done.length) lines.push(`✓ Done: ${done.map((r) => r.name).join(', ')}`);
  return lines.join('\n');
}

/** "to-do list (2 items)", "packing list (empty)". */
export function listSummary(label: string, open: number, total: number): string {
  if (!total) return `${label} (empty)`;
  const done = total - open;
  return `${label} (${open} item${open === 1 ? '' : 's'}${done ? `, ${done} done` : ''})`;
}
