import Big from 'big.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../../entities/user.entity.js';
import { singularKey } from '../../understanding/words.js';
import { categoryFor, GROCERY_CATEGORIES, type GroceryCategory } from './grocery.categories.js';
import { GroceryItem } from './grocery-item.entity.js';
import { describeItem } from './grocery.parse.js';

export interface NewItem {
  name: string;
  quantity: number | null;
  unit: string | null;
  category?: GroceryCategory | undefined;
}

export type AddOutcome = { item: GroceryItem; merged: boolean; note?: string };

export async function listItems(em: EntityManager, user: User): Promise<GroceryItem[]> {
  return em.find(GroceryItem, { user }, { orderBy: { createdAt: 'asc', id: 'asc' } });
}

/**
 * What an add may merge into: everything still on the list, and checked-off rows only under the added names
 * (a long history of bought items is not loaded for every "add milk").
 */
async function mergeCandidates(em: EntityManager, user: User, items: NewItem[]): Promise<GroceryItem[]> {
  const names = [...new Set(items.flatMap((i) => nameForms(i.name)))];
  return em.find(GroceryItem, { user, $or: [{ done: false }, { done: true, name: { $in: names } }] }, { orderBy: { createdAt: 'asc', id: 'asc' } });
}

function nameForms(name: string): string[] {
  const n = name.toLowerCase();
  return [n, `${n}s`, `${n}es`, n.replace(/e?s$/, ''), n.replace(/s$/, ''), n.replace(/ies$/, 'y'), n.replace(/y$/, 'ies')];
}

/** Adds items; one already on the list is merged (quantities summed when the units agree), never duplicated. */
export async function addItems(em: EntityManager, user: User, items: NewItem[], now: Date): Promise<AddOutcome[]> {
  const existing = await mergeCandidates(em, user, items);
  const outcomes: AddOutcome[] = [];
  for (const item of items) {
    const key = singularKey(item.name);
    const same = existing.find((e) => singularKey(e.name) === key);
    if (same) {
      outcomes.push(mergeInto(same, item, now));
      continue;
    }
    const created = em.create(GroceryItem, {
      user,
      name: item.name,
      quantity: item.quantity === null ? null : new Big(item.quantity).toString(),
      unit: item.unit,
      category: item.category ?? categoryFor(item.name),
      done: false,
      createdAt: now,
      updatedAt: now,
    });
    existing.push(created);
    outcomes.push({ item: created, merged: false });
  }
  await em.flush();
  return outcomes;
}

function mergeInto(row: GroceryItem, item: NewItem, now: Date): AddOutcome {
  const wasDone = row.done;
  row.updatedAt = now;
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
export function matchItems(rows: GroceryItem[], name: string): GroceryItem[] {
  const key = singularKey(name);
  if (!key) return [];
  const exact = rows.filter((r) => singularKey(r.name) === key);
  if (exact.length) return exact;
  const padded = ` ${key} `;
  const partial = rows.filter((r) => {
    const rowKey = ` ${singularKey(r.name)} `;
    return rowKey.includes(padded) || padded.includes(rowKey);
  });
  return partial.length === 1 ? partial : partial.filter((r) => !r.done).slice(0, partial.length === 0 ? 0 : 1);
}

export function groupedList(rows: GroceryItem[]): string {
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

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function openCount(rows: GroceryItem[]): number {
  return rows.filter((r) => !r.done).length;
}
