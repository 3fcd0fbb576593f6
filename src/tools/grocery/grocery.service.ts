import { capitalize } from '../../understanding/wording.js';
import Big from 'big.js';
import { containsPhrase, foldCase } from '../../understanding/fold.js';
import { singularKey } from '../../understanding/words.js';
import { categoryFor, GROCERY_CATEGORIES, type GroceryCategory } from './grocery.categories.js';
import { describeItem } from './grocery.parse.js';
import { storableQuantity } from './grocery.quantity.js';
import type { GroceryRepository, GroceryRow, ListId } from './grocery.repository.js';

export type { GroceryRow } from './grocery.repository.js';

export interface NewItem {
  name: string;
  quantity: number | null;
  unit: string | null;
  category?: GroceryCategory | undefined;
}

export type AddOutcome = { item: GroceryRow; merged: boolean; note?: string };
/** What an add did; `tooMuch` is a row the add would take past the largest quantity, and then nothing is written. */
export type Added = { outcomes: AddOutcome[]; open: number; tooMuch?: GroceryRow };

/**
 * What an add may merge into: everything still on the list, and checked-off rows only under the added names
 * (a long history of bought items is not loaded for every "add milk").
 */
function mergeCandidates(repo: GroceryRepository, userId: number, items: NewItem[], list: ListId): Promise<GroceryRow[]> {
  return repo.openOrNamed(userId, [...new Set(items.flatMap((i) => nameForms(i.name)))], list);
}

/** The spellings a checked-off row of this name may be stored under: as given, lowercased or folded, singular or plural. */
function nameForms(name: string): string[] {
  return [...new Set([name, name.normalize('NFKC').toLowerCase(), foldCase(name)])].flatMap((n) =>
    [n, `${n}s`, `${n}es`, n.replace(/e?s$/, ''), n.replace(/s$/, ''), n.replace(/ies$/, 'y'), n.replace(/y$/, 'ies')]);
}

/**
 * Adds items; one already on the list is merged (quantities summed when the units agree), never duplicated.
 * `open` is how many items are on the list afterwards: every open row is among the candidates.
 */
export async function addItems(repo: GroceryRepository, userId: number, items: NewItem[], now: Date, list: ListId = null): Promise<Added> {
  const existing = await mergeCandidates(repo, userId, items, list);
  const created = new Set<GroceryRow>();
  const merged = new Set<GroceryRow>();
  const outcomes: AddOutcome[] = [];
  for (const item of items) {
    const key = singularKey(item.name);
    const same = existing.find((e) => singularKey(e.name) === key);
    if (same) {
      outcomes.push(mergeInto(same, item));
      if (!created.has(same)) merged.add(same);
      continue;
    }
    const row: GroceryRow = {
      id: 0,
      name: item.name,
      quantity: item.quantity === null ? null : new Big(item.quantity).toString(),
      unit: item.unit,
      category: item.category ?? categoryFor(item.name),
      done: false,
    };
    existing.push(row);
    created.add(row);
    outcomes.push({ item: row, merged: false });
  }
  const open = existing.filter((r) => !r.done).length;
  const tooMuch = [...created, ...merged].find((r) => r.quantity !== null && storableQuantity(r.quantity) === null);
  if (tooMuch) return { outcomes, open, tooMuch };
  await saveAdded(repo, userId, [...created], [...merged], now, list);
  return { outcomes, open };
}

/**
 * At most one statement for the new rows and one for the merged ones. A merged row gets the wall clock as
 * updated_at, not `now`: that is what the entity's onUpdate hook writes.
 */
async function saveAdded(
  repo: GroceryRepository, userId: number, created: GroceryRow[], merged: GroceryRow[], now: Date, list: ListId,
): Promise<void> {
  await repo.reopenRows(userId, merged, new Date());
  const ids = await repo.insertRows(userId, created, now, list);
  created.forEach((row, i) => {
    row.id = ids[i]!;
  });
}

/** Checks rows off (the wall clock as updated_at, as the entity's onUpdate writes it). */
export async function checkItems(repo: GroceryRepository, rows: GroceryRow[]): Promise<void> {
  await repo.checkOff(rows.map((r) => r.id), new Date());
  for (const row of rows) row.done = true;
}

function mergeInto(row: GroceryRow, item: NewItem): AddOutcome {
  const wasDone = row.done;
  if (wasDone) {
    row.done = false;
    row.quantity = item.quantity === null ? null : new Big(item.quantity).toString();
    row.unit = item.unit;
    return { item: row, merged: true, note: 'back on the list' };
  }
  if (item.quantity === null) return { item: row, merged: true, note: 'already on the list' };
  if (row.quantity === null || row.quantity === undefined) {
    row.quantity = new Big(item.quantity).toString();
    row.unit = item.unit;
    return { item: row, merged: true, note: 'updated' };
  }
  if ((row.unit ?? null) === (item.unit ?? null)) {
    row.quantity = new Big(row.quantity).plus(item.quantity).toString();
    return { item: row, merged: true, note: 'now' };
  }
  return { item: row, merged: true, note: 'already on the list' };
}

/** The rows a spoken name refers to: the same item by key, else a unique partial match ("milk" → "oat milk"). */
export function matchItems(rows: GroceryRow[], name: string): GroceryRow[] {
  const key = singularKey(name);
  if (!key) return [];
  const exact = rows.filter((r) => singularKey(r.name) === key);
  if (exact.length) return exact;
  const partial = rows.filter((r) => {
    const rowKey = singularKey(r.name);
    return containsPhrase(rowKey, key) || containsPhrase(key, rowKey);
  });
  return partial.length === 1 ? partial : partial.filter((r) => !r.done).slice(0, partial.length === 0 ? 0 : 1);
}

export function groupedList(rows: GroceryRow[]): string {
  const open = rows.filter((r) => !r.done);
  const done = rows.filter((r) => r.done);
  if (!rows.length) return '🛒 Your grocery list is empty. Text "add milk, eggs" to start one.';
  const lines = [open.length ? `🛒 Your list (${open.length}):` : '🛒 Everything on your list is checked off.'];
  for (const category of GROCERY_CATEGORIES) {
    const inCategory = open.filter((r) => r.category === category);
    if (inCategory.length) lines.push(`${capitalize(category)}: ${inCategory.map(describeItem).join(', ')}`);
  }
  if (done.length) lines.push(`✓ Got: ${done.map((r) => r.name).join(', ')}`);
  return lines.join('\n');
}

export function openCount(rows: GroceryRow[]): number {
  return rows.filter((r) => !r.done).length;
}
