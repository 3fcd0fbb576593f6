import { DateTime } from 'luxon';
import type { TimeOfDay } from './date-prep.js';

/** Wall-clock time in the user's IANA zone and its resolution to instants (luxon), shared by parsing and tools. */
export interface WhenContext {
  now: Date;
  timezone: string;
}

/** What a message says about time, as local wall-clock fields (what an LLM would also produce). */
export interface LocalWhen {
  /** YYYY-MM-DD in the user's zone. */
  date?: string;
  /** HH:mm (24 h) in the user's zone. */
  time?: string;
  /** "in 20 min": an offset from the message's arrival, immune to wall-clock jumps. */
  inMinutes?: number;
  endDate?: string;
  endTime?: string;
  durationMinutes?: number;
}

export interface WhenParse extends LocalWhen {
  found: boolean;
  /** The text with every date/time phrase blanked out, for the remaining words (task, title…). */
  rest: string;
  timeOfDay?: TimeOfDay;
}

export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
export const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

/** luxon computes a zone's offset through Intl on every call; one message asks for "now" many times. */
const nowMemo = new Map<string, DateTime>();

export function localNow(ctx: WhenContext): DateTime {
  const key = `${ctx.now.getTime()}|${ctx.timezone}`;
  let dt = nowMemo.get(key);
  if (!dt) {
    if (nowMemo.size >= 64) nowMemo.clear();
    dt = DateTime.fromJSDate(ctx.now, { zone: ctx.timezone });
    nowMemo.set(key, dt);
  }
  return dt;
}

export function isoDate(dt: DateTime): string {
  return dt.toFormat('yyyy-LL-dd');
}

export function hhmm(h: number, m: number): string {
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Local wall time → instant. A time skipped by spring-forward moves ahead by the gap (luxon's rule). */
export function resolveLocal(date: string, time: string, zone: string): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return DateTime.fromObject({ year: y, month: mo, day: d, hour: h, minute: mi }, { zone }).toJSDate();
}

export function startOfLocalDay(date: string, zone: string): Date {
  return DateTime.fromISO(date, { zone }).startOf('day').toJSDate();
}

/** The next date (today or later) on which `time` is still ahead of now. */
export function nextDateForTime(time: string, ctx: WhenContext): string {
  const today = localNow(ctx);
  const candidate = resolveLocal(isoDate(today), time, ctx.timezone);
  return candidate.getTime() > ctx.now.getTime() ? isoDate(today) : isoDate(today.plus({ days: 1 }));
}

/** Resolves wall-clock fields to an instant; a date with no time gets `defaultTime`, a time with no date the next such time. */
export function resolveWhen(when: LocalWhen, ctx: WhenContext, defaultTime = '09:00'): Date | null {
  if (when.inMinutes !== undefined) return new Date(ctx.now.getTime() + when.inMinutes * 60_000);
  if (!when.date && !when.time) return null;
  const time = when.time ?? defaultTime;
  const date = when.date ?? nextDateForTime(time, ctx);
  return resolveLocal(date, time, ctx.timezone);
}
