import { DateTime } from 'luxon';
import { User } from '../../src/entities/index.js';
import { CalendarEvent } from '../../src/tools/calendar/calendar.entity.js';
import { Expense, ExpenseCategory } from '../../src/tools/expense/expense.entity.js';
import { GroceryItem } from '../../src/tools/grocery/grocery-item.entity.js';
import { Reminder } from '../../src/tools/reminder/reminder.entity.js';
import type { HeldoutCase, Local, Recurrence, Text } from '../fixtures/heldout.types.js';
import { testDb } from './db.js';
import { dumpUser, type Dump } from './dump.js';
import { consoleMessage, makePipeline } from './pipeline.js';

export const HELDOUT_AT = '2026-11-23T19:00:00Z';
export const HELDOUT_TZ = 'America/New_York';

type Row = Record<string, unknown>;
export interface HeldoutResult { id: string; ok: boolean; problems: string[]; reply: string | null }

const utc = (local: string, tz: string): Date => DateTime.fromISO(local, { zone: tz }).toJSDate();

async function seed(c: HeldoutCase, phone: string, tz: string): Promise<void> {
  const em = testDb().orm.em.fork();
  const user = em.create(User, { phoneNumber: phone, timezone: tz, preferences: c.currency ? { currency: c.currency } : {} });
  for (const r of c.seed?.reminders ?? []) {
    em.create(Reminder, { user, text: r.text, dueAt: utc(r.due, tz), timezone: tz, status: r.status ?? 'pending', lastSentAt: r.sentAt ? utc(r.sentAt, tz) : null });
  }
  for (const e of c.seed?.events ?? []) {
    em.create(CalendarEvent, { user, title: e.title, startAt: utc(e.start, tz), endAt: utc(e.end, tz), location: e.location ?? null, allDay: e.allDay ?? false });
  }
  for (const g of c.seed?.grocery ?? []) {
    em.create(GroceryItem, { user, name: g.name, quantity: g.quantity === undefined ? null : String(g.quantity), unit: g.unit ?? null, category: (g.category ?? 'other') as GroceryItem['category'], done: g.done ?? false });
  }
  for (const x of c.seed?.expenses ?? []) {
    const category = await em.findOneOrFail(ExpenseCategory, { name: x.category as ExpenseCategory['name'] });
    em.create(Expense, { user, amount: x.amount, currency: x.currency ?? c.currency ?? 'USD', category, description: x.description ?? null, spentAt: utc(x.spent, tz) });
  }
  await em.flush();
}

const clean = (s: string) => s.toLowerCase().trim().replace(/[.!?,]+$/, '');
const stem = (s: string) => clean(s).replace(/(es|s)$/, '');
const UNITS: Record<string, string> = {
  lbs: 'lb', pound: 'lb', pounds: 'lb', gallon: 'gal', gallons: 'gal', liter: 'l', litre: 'l', liters: 'l', litres: 'l',
  gram: 'g', grams: 'g', kilo: 'kg', kilos: 'kg', kgs: 'kg', ounce: 'oz', ounces: 'oz', doz: 'dozen', loaves: 'loaf',
  cans: 'can', bags: 'bag', boxes: 'box', bottles: 'bottle', packs: 'pack', jars: 'jar', bunches: 'bunch', cartons: 'carton',
};
const unit = (u: unknown) => (typeof u === 'string' ? (UNITS[u.toLowerCase()] ?? u.toLowerCase()) : u);

function textOk(actual: unknown, want: Text, loose = false): boolean {
  if (typeof actual !== 'string') return false;
  if (want instanceof RegExp) return want.test(actual);
  return loose ? stem(actual) === stem(want) : clean(actual) === clean(want);
}

function localOk(actual: unknown, want: Local, tz: string): boolean {
  if (typeof actual !== 'string') return false;
  const t = DateTime.fromISO(actual, { zone: 'utc' }).setZone(tz);
  if (typeof want !== 'string') return t.toISODate() === want.date && t.toFormat('HH:mm') >= want.from && t.toFormat('HH:mm') <= want.to;
  return want.includes('T') ? t.toFormat("yyyy-LL-dd'T'HH:mm") === want && t.second === 0 : t.toISODate() === want;
}

function recurrenceOk(actual: unknown, want: Recurrence | null): boolean {
  if (want === null) return actual === null;
  if (typeof actual !== 'string') return false;
  const line = actual.split(/\r?\n/).find((l) => l.startsWith('RRULE:')) ?? actual;
  const parts = Object.fromEntries(line.replace(/^RRULE:/, '').split(';').map((kv) => kv.split('=') as [string, string]));
  const set = (v?: string) => (v ?? '').split(',').sort().join(',');
  return Object.entries(want).every(([k, v]) => (k === 'BYDAY' ? set(parts[k]) === set(v) : (parts[k] ?? (k === 'INTERVAL' ? '1' : undefined)) === v));
}

function fieldOk(key: string, actual: unknown, want: unknown, tz: string): boolean {
  if (['due', 'start', 'end', 'spent'].includes(key)) return localOk(actual, want as Local, tz);
  if (key === 'recurrence') return recurrenceOk(actual, want as Recurrence | null);
  if (key === 'unit') return unit(actual) === unit(want);
  if (want === null || typeof want === 'number' || typeof want === 'boolean') return actual === want;
  if (key === 'amount' || key === 'currency' || key === 'category' || key === 'status') return actual === want;
  return textOk(actual, want as Text, key === 'name');
}

const ALIAS: Record<string, string> = { due: 'dueAt', spent: 'spentAt' };
const rowOk = (row: Row, want: object, tz: string) => Object.entries(want).every(([k, v]) => fieldOk(k, row[ALIAS[k] ?? k], v, tz));

/** Multiset match: every expected row pairs with a distinct actual row. */
function matchAll(actual: Row[], wanted: object[], tz: string): boolean {
  if (actual.length !== wanted.length) return false;
  const used = new Set<number>();
  const go = (i: number): boolean => {
    if (i === wanted.length) return true;
    for (let j = 0; j < actual.length; j++) {
      if (used.has(j) || !rowOk(actual[j]!, wanted[i]!, tz)) continue;
      used.add(j);
      if (go(i + 1)) return true;
      used.delete(j);
    }
    return false;
  };
  return go(0);
}

const TABLES = [['reminders', 'reminders'], ['events', 'events'], ['grocery', 'groceryItems'], ['expenses', 'expenses']] as const;

function compare(c: HeldoutCase, before: Dump, after: Dump, reply: string | null, tz: string): string[] {
  const problems: string[] = [];
  for (const [key, table] of TABLES) {
    const got = (after[table] ?? []) as Row[];
    const want = c[key];
    if (want ? !matchAll(got, want, tz) : JSON.stringify(got) !== JSON.stringify(before[table] ?? [])) {
      problems.push(`${table}: ${JSON.stringify(got)}`);
    }
  }
  const u = after.user!;
  const wantUser = { timezone: before.user!.timezone, name: before.user!.name, currency: before.user!.currency, ...c.user };
  if (u.timezone !== wantUser.timezone || u.currency !== wantUser.currency || (u.name ?? '').toLowerCase() !== (wantUser.name ?? '').toLowerCase()) {
    problems.push(`user: ${JSON.stringify(u)}`);
  }
  for (const re of c.reply ?? []) if (!re.test(reply ?? '')) problems.push(`reply lacks ${re}`);
  for (const re of c.notReply ?? []) if (re.test(reply ?? '')) problems.push(`reply has ${re}`);
  return problems;
}

/** Seeds the case's user and rows, sends its messages through the real pipeline and checks the stored rows. */
export async function runHeldout(c: HeldoutCase, phone: string): Promise<HeldoutResult> {
  const tz = c.tz ?? HELDOUT_TZ;
  await seed(c, phone, tz);
  const before = await dumpUser(phone);
  const handle = makePipeline();
  const receivedAt = new Date(c.at ?? HELDOUT_AT);
  let reply: string | null = null;
  const problems: string[] = [];
  for (const text of Array.isArray(c.say) ? c.say : [c.say]) {
    const result = await handle(consoleMessage(text, { phone, receivedAt }));
    reply = result.reply;
    if (result.outcome !== 'replied' || !reply) problems.push(`"${text}" → outcome ${result.outcome}, reply ${JSON.stringify(reply)}`);
  }
  problems.push(...compare(c, before, await dumpUser(phone), reply, tz));
  return { id: c.id, ok: problems.length === 0, problems, reply };
}
