import { DateTime } from 'luxon';
import { keywords, matchesWords } from '../../understanding/wording.js';
import { events } from '../calendar/calendar.service.js';
import { Expense } from '../expense/expense.entity.js';
import { GroceryItem } from '../grocery/grocery-item.entity.js';
import { isAlarm } from '../reminder/reminder-ref.js';
import { reminders } from '../reminder/reminder.service.js';
import type { ToolContext } from '../types.js';

/** The kinds of rows a removal or a change can name ("the rent reminder", "the tues alarm", "the gas expense"). */
export const NAMED_KINDS = ['reminder', 'alarm', 'event', 'item', 'expense'] as const;
export type NamedKind = (typeof NAMED_KINDS)[number];

/** One of the user's rows as a text may name it. */
export interface NamedRow {
  kind: NamedKind;
  id: number;
  name: string;
  /** Local date and time (HH:mm) of the row, when it has one. */
  date?: string;
  time?: string;
  amount?: string;
  allDay?: boolean;
}

/** What the text said about the row: its words, and what narrows them (the kind word, a day, an amount). */
export interface NamedPick {
  words?: string;
  kind?: NamedKind;
  onDate?: string;
  atTime?: string;
  amount?: string;
}

function local(at: Date, zone: string): { date: string; time: string } {
  const t = DateTime.fromJSDate(at, { zone });
  return { date: t.toISODate()!, time: t.toFormat('HH:mm') };
}

/** The rows a removal or a change may mean: pending reminders, upcoming events, open grocery items, recent expenses. */
export async function namedRows(ctx: ToolContext, kinds: readonly NamedKind[] = NAMED_KINDS): Promise<NamedRow[]> {
  const zone = ctx.timezone;
  const rows: NamedRow[] = [];
  if (kinds.includes('reminder') || kinds.includes('alarm')) {
    for (const r of await reminders(ctx).upcoming(ctx.user.id, 200)) {
      rows.push({ kind: isAlarm(r) ? 'alarm' : 'reminder', id: r.id, name: r.text, ...local(r.dueAt, zone) });
    }
  }
  if (kinds.includes('event')) {
    for (const e of await events(ctx).upcoming(ctx.user.id, ctx.now, 200)) {
      rows.push({ kind: 'event', id: e.id, name: e.title, allDay: e.allDay, ...local(e.startAt, zone) });
    }
  }
  if (kinds.includes('item')) {
    for (const i of await ctx.em.getRepository(GroceryItem).list(ctx.user.id)) if (!i.done) rows.push({ kind: 'item', id: i.id, name: i.name });
  }
  if (kinds.includes('expense')) {
    for (const x of await ctx.em.getRepository(Expense).recent(ctx.user.id, 50)) {
      rows.push({ kind: 'expense', id: x.id, name: x.description ?? x.category, amount: x.amount, date: local(x.spentAt, zone).date });
    }
  }
  return rows;
}

/** How much of a row's name the text says: the share of its content words, then how many (more said wins a tie). */
function score(row: NamedRow, said: string): [number, number] {
  // "up" in "get up early" is no sign of "Wake up": two-letter words count only in names made of nothing else.
  const all = keywords(row.name);
  const name = all.some((w) => w.length > 2) ? all.filter((w) => w.length > 2) : all;
  if (!name.length) return [0, 0];
  const hit = name.filter((w) => matchesWords(said, [w])).length;
  return [hit / name.length, hit];
}

/** "the 6:30 alarm" said without am/pm: the clock on either half of the day. */
const clock = (hhmm: string) => `${Number(hhmm.slice(0, 2)) % 12}${hhmm.slice(2)}`;

const fits = (row: NamedRow, pick: NamedPick) =>
  (!pick.atTime || !row.time || clock(row.time) === clock(pick.atTime))
  && (!pick.kind || row.kind === pick.kind || (pick.kind === 'reminder' && row.kind === 'alarm'))
  && (!pick.onDate || !row.date || row.date === pick.onDate)
  && (!pick.amount || !row.amount || Number(row.amount) === Number(pick.amount));

/**
 * The rows the text names best: those whose name's content words are (nearly) all in it — at least half, so "the rent
 * reminder" is "Pay rent" — narrowed by the kind word, the day and the amount. Words the text adds (a reason: "i
 * already paid it") are ignored. "the alarm" alone names the alarms. Several equally good rows come back together.
 */
export function bestNamed(rows: NamedRow[], pick: NamedPick): NamedRow[] {
  const candidates = rows.filter((r) => fits(r, pick));
  let best: NamedRow[] = [];
  let top: [number, number] = [0.5, 1];
  for (const row of candidates) {
    const s = score(row, pick.words ?? '');
    const better = s[0] > top[0] || (s[0] === top[0] && s[1] > top[1]);
    if (better && best.length) best = [];
    if (better || (s[0] === top[0] && s[1] === top[1])) {
      best.push(row);
      top = s;
    }
  }
  // "cancel the rent reminder" among an alarm and a reminder equally named: the reminder.
  const exact = best.filter((r) => r.kind === pick.kind);
  if (exact.length) return exact;
  if (best.length) return best;
  // "cancel the 6pm reminder tomorrow, she is visiting instead", "kill the alarm": the kind and the day or time say which.
  const pinned = pick.atTime || (pick.kind && pick.onDate) || pick.kind === 'alarm';
  return pinned ? candidates.filter((r) => (!pick.onDate || r.date) && (!pick.atTime || r.time)) : [];
}
