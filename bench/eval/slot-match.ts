import { DateTime } from 'luxon';
import type { ExpectedSlots } from './cases.js';
import { rowLabel, type Row } from './snapshot.js';

/** Words that carry no detail of their own: "call THE bank", "lunch WITH sam". */
const FILLER = new Set(`a an the my our your his her their to for of with w on at in and & me i we us it this that some
  please pls plz appt appointment`.split(/\s+/));

/** Lower-cased words without punctuation, a plural "s" dropped: "Bananas," → "banana". */
export function stems(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => (w.length > 3 && w.endsWith('es') && /(ch|sh|x|s|o)es$/.test(w) ? w.slice(0, -2) : w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

export function contentWords(text: string): string[] {
  return stems(text).filter((w) => !FILLER.has(w));
}

/** Every content word of `expected` is among the row's words (its label, and an event's place). */
export function wordsMatch(expected: string, row: Row): boolean {
  const have = new Set(stems(`${rowLabel(row)} ${typeof row.location === 'string' ? row.location : ''}`));
  return contentWords(expected).every((w) => have.has(w));
}

const TIME_FIELDS = ['dueAt', 'start', 'startAt', 'at'];

function rowTime(row: Row, zone: string): DateTime | null {
  const field = TIME_FIELDS.find((f) => typeof row[f] === 'string');
  return field ? DateTime.fromISO(row[field] as string, { zone: 'utc' }).setZone(zone) : null;
}

/** "YYYY-MM-DD", "YYYY-MM-DD HH:mm" or "HH:mm" against the row's time in the user's zone. */
export function timeMatches(at: string, hourMod12: boolean, row: Row, zone: string): boolean {
  const local = rowTime(row, zone);
  if (!local) return false;
  const [date, time] = at.includes('-') ? at.split(' ') : [undefined, at];
  if (date && local.toISODate() !== date) return false;
  if (!time) return true;
  const [h, m] = time.split(':').map(Number);
  const hourOk = hourMod12 ? local.hour % 12 === h! % 12 : local.hour === h;
  return hourOk && local.minute === m;
}

function rowMatches(slots: ExpectedSlots, row: Row, zone: string): boolean {
  if (slots.at && !timeMatches(slots.at, slots.hourMod12 ?? false, row, zone)) return false;
  if (slots.words && !wordsMatch(slots.words, row)) return false;
  if (slots.amount && Number(row.amount) !== Number(slots.amount)) return false;
  return true;
}

/** SLOT: one of the acted-on rows carries every given detail; each listed item is one of them. null: nothing to score. */
export function slotMatches(slots: ExpectedSlots, rows: Row[], zone: string): boolean | null {
  const { items, ...single } = slots;
  const hasSingle = Boolean(single.at || single.words || single.amount);
  if (!hasSingle && !items?.length) return null;
  if (hasSingle && !rows.some((row) => rowMatches(single, row, zone))) return false;
  return (items ?? []).every((item) => rows.some((row) => wordsMatch(item, row)));
}
