import type { EntityManager } from '@mikro-orm/postgresql';
import { ConversationState, User } from '../../src/entities/index.js';
import type { PendingRequest } from '../../src/entities/conversation-state.entity.js';
import type { ToolModule } from '../../src/tools/types.js';
import type { RowKind } from './cases.js';

export type Row = Record<string, unknown>;

/** One user's stored state: the rows `cli dump` shows (every module's dump), the user's settings, the open question. */
export interface Snapshot {
  /** Dump key ("reminders", "events", …, and "settings") → rows as plain JSON. */
  rows: Record<string, Row[]>;
  timezone: string;
  /** The question waiting for an answer in the user's latest conversation, if any. */
  pending: PendingRequest | null;
}

export async function takeSnapshot(em: EntityManager, modules: ToolModule[], phone: string): Promise<Snapshot> {
  const user = await em.findOneOrFail(User, { phoneNumber: phone });
  const rows: Record<string, Row[]> = {};
  for (const section of modules.flatMap((m) => (m.dump ? [m.dump] : []))) {
    // Ids differ between users seeded alike; the judge compares contents.
    const found = ((await section.rows(em, [user.id])).get(user.id) ?? []) as Row[];
    rows[section.key] = section.key === 'lists' ? listRows(found) : found.map(({ id: _id, ...row }) => row);
  }
  // Settings live on the user row (time zone, name, currency, notification preferences), not in a module's dump.
  rows.settings = [{ timezone: user.timezone, name: user.name ?? null, preferences: user.preferences ?? {} }];
  const [conversation] = await em.find(ConversationState, { user }, { orderBy: { updatedAt: 'desc' }, limit: 1 });
  return { rows, timezone: user.timezone, pending: conversation?.pending ?? null };
}

/**
 * `lists` holds named lists with their items nested: one row per list and one per item (named by its list), so
 * adding to, checking off or removing from a named list is a row added, changed or removed, as on the grocery list.
 */
function listRows(lists: Row[]): Row[] {
  return lists.flatMap((list) => [
    { list: list.name },
    ...((list.items as Row[] | undefined) ?? []).map((item) => ({ list: list.name, ...item })),
  ]);
}

const KIND_OF_KEY: [RegExp, RowKind][] = [
  [/remind|alarm/i, 'reminder'],
  [/event|calendar/i, 'event'],
  [/grocer|list|item|todo/i, 'list'],
  [/expense|spend/i, 'expense'],
  [/setting|user|pref/i, 'settings'],
];

/** Which kind of thing a dump key holds; a module added later is classified by its key's name. */
export function kindOfKey(key: string): RowKind {
  return KIND_OF_KEY.find(([re]) => re.test(key))?.[1] ?? 'other';
}

/** What a row is called: the field that names it, used to pair an edited row's old and new versions. */
export function rowLabel(row: Row): string {
  for (const field of ['title', 'text', 'name', 'description', 'timezone']) {
    if (typeof row[field] === 'string') return (row[field] as string).toLowerCase();
  }
  return '';
}

export interface RowChange {
  kind: RowKind;
  before: Row;
  after: Row;
}

export interface SnapshotDiff {
  added: { kind: RowKind; row: Row }[];
  removed: { kind: RowKind; row: Row }[];
  /** A row whose label stayed and whose content changed (moved event, cancelled reminder, checked item). */
  changed: RowChange[];
}

function multisetMinus(a: Row[], b: Row[]): Row[] {
  const counts = new Map<string, number>();
  for (const row of b) counts.set(JSON.stringify(row), (counts.get(JSON.stringify(row)) ?? 0) + 1);
  return a.filter((row) => {
    const key = JSON.stringify(row);
    const n = counts.get(key) ?? 0;
    if (n > 0) counts.set(key, n - 1);
    return n === 0;
  });
}

export function diffSnapshots(before: Snapshot, after: Snapshot): SnapshotDiff {
  const diff: SnapshotDiff = { added: [], removed: [], changed: [] };
  for (const key of new Set([...Object.keys(before.rows), ...Object.keys(after.rows)])) {
    const kind = kindOfKey(key);
    const gone = multisetMinus(before.rows[key] ?? [], after.rows[key] ?? []);
    const came = multisetMinus(after.rows[key] ?? [], before.rows[key] ?? []);
    for (const old of gone) {
      const i = came.findIndex((row) => rowLabel(row) === rowLabel(old) || key === 'settings');
      if (i >= 0) diff.changed.push({ kind, before: old, after: came.splice(i, 1)[0]! });
      else diff.removed.push({ kind, row: old });
    }
    diff.added.push(...came.map((row) => ({ kind, row })));
  }
  return diff;
}

export function isEmptyDiff(diff: SnapshotDiff): boolean {
  return !diff.added.length && !diff.removed.length && !diff.changed.length;
}

/** A change that takes a row out of play: a reminder cancelled or done, a list item checked off. */
export function isRetired(change: RowChange): boolean {
  const status = String(change.after.status ?? '');
  if (/cancel|done|complete|deleted|archived/.test(status) && status !== String(change.before.status ?? '')) return true;
  return change.after.done === true && change.before.done !== true;
}
