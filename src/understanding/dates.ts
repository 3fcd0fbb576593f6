import type { ParsedComponents } from 'chrono-node';
// English only: the package root also loads its fifteen other locales (~0.35 s of CPU and 12 MB at every start).
import * as chrono from 'chrono-node/en';
import { DateTime } from 'luxon';
import {
  findDuration, findOrdinalDay, findRelativeMinutes, findTimeOfDay, prepDateText, TIME_OF_DAY_DEFAULT, type Found, type TimeOfDay,
} from './date-prep.js';
import { hhmm, isoDate, localNow, nextDateForTime, resolveLocal, type WhenContext, type WhenParse } from './local-time.js';

export * from './local-time.js';

/**
 * Dates in the user's own wall-clock time. chrono-node reads the words against a reference whose offset is the
 * user's zone at `now`; we only take its calendar components (year, month, day, hour, minute) and turn wall
 * time into an instant with luxon in the IANA zone, so a date across a DST change keeps its local hour.
 */
/** Day parts and "a second" are ours (see date-prep), so chrono's own guesses for them are left out. */
const DROPPED = new Set(['ENCasualTimeParser', 'ENTimeUnitAgoFormatParser', 'ENTimeUnitCasualRelativeFormatParser']);
const parser = chrono.casual.clone();
parser.parsers = parser.parsers.filter((p) => !DROPPED.has(p.constructor.name));

interface Clock {
  h: number;
  m: number;
  meridiemKnown: boolean;
}

function upcomingWeekday(now: DateTime, weekday: number, allowToday: boolean): string {
  const target = weekday === 0 ? 7 : weekday;
  let ahead = (target - now.weekday + 7) % 7;
  if (ahead === 0 && !allowToday) ahead = 7;
  return isoDate(now.plus({ days: ahead }));
}

function nextDayOfMonth(now: DateTime, day: number): string {
  for (let i = 0; i < 14; i++) {
    const month = now.startOf('month').plus({ months: i });
    if (day > (month.daysInMonth ?? 31)) continue;
    const date = month.set({ day });
    if (date >= now.startOf('day')) return isoDate(date);
  }
  return isoDate(now);
}

/**
 * "next friday": the coming one, unless it falls in this week within two days — said on a Thursday,
 * "next friday" means a week tomorrow (tomorrow would be "tomorrow").
 */
function nextWeekday(now: DateTime, upcoming: string): string {
  const date = DateTime.fromISO(upcoming, { zone: now.zone });
  const ahead = Math.round(date.diff(now.startOf('day'), 'days').days);
  const sameWeek = date.weekNumber === now.weekNumber && date.weekYear === now.weekYear;
  return ahead <= 2 && sameWeek ? isoDate(date.plus({ days: 7 })) : upcoming;
}

function componentsDate(c: ParsedComponents, now: DateTime, before: string, text = ''): string | null {
  if (c.isCertain('day') || c.isCertain('month')) {
    return isoDate(DateTime.fromObject({ year: c.get('year')!, month: c.get('month')!, day: c.get('day')! }));
  }
  if (c.isCertain('weekday')) {
    if (/\blast\s*$/.test(before) || /^last\b/.test(text)) return isoDate(now.minus({ days: (now.weekday % 7 - c.get('weekday')! + 7) % 7 || 7 }));
    const date = upcomingWeekday(now, c.get('weekday')!, /\b(this|today)\s*$/.test(before));
    return /\bnext\s*$/.test(before) || /^next\b/.test(text) ? nextWeekday(now, date) : date;
  }
  return null;
}

/** 12-hour clock without am/pm: 7–11 is morning and 12–6 afternoon, unless the day part says otherwise. */
function to24h(clock: Clock, tod: TimeOfDay | undefined): number {
  if (clock.meridiemKnown || clock.h > 12 || clock.h === 0) return clock.h;
  if (tod === 'morning') return clock.h === 12 ? 0 : clock.h;
  if (tod) return clock.h === 12 ? 12 : clock.h + 12;
  return clock.h >= 7 && clock.h <= 12 ? clock.h : clock.h + 12;
}

/** With no date and no am/pm, "at 9" means the next 9 o'clock: 9 pm if the morning's has passed. */
function nextAmbiguous(clock: Clock, ctx: WhenContext): { date: string; time: string } {
  const hours = clock.h >= 7 && clock.h <= 11 ? [clock.h, clock.h + 12] : [to24h(clock, undefined)];
  const options = hours.map((h) => {
    const time = hhmm(h, clock.m);
    const date = nextDateForTime(time, ctx);
    return { date, time, at: resolveLocal(date, time, ctx.timezone).getTime() };
  });
  options.sort((a, b) => a.at - b.at);
  return { date: options[0]!.date, time: options[0]!.time };
}

function clockOf(c: ParsedComponents, work: string, index: number): Clock {
  const meridiemKnown = c.isCertain('meridiem') || /^\s*(?:at\s+|@)?0\d:/.test(work.slice(index));
  return { h: c.get('hour')!, m: c.get('minute') ?? 0, meridiemKnown };
}

/** The word that led into a date or time goes with it: "practice on feb 4 for dan" is not "practice on for dan". */
const LEAD_IN = /\b(?:on|at|by|from|starting(?: at| on| from)?|beginning(?: at| on)?)\s+$/;

function blank(work: string, f: { index: number; length: number }): string {
  const lead = LEAD_IN.exec(work.slice(0, f.index));
  const start = lead ? lead.index : f.index;
  return work.slice(0, start) + ' '.repeat(f.index + f.length - start) + work.slice(f.index + f.length);
}

/** "plan the week" is a task, not a date. */
const WEAK = /^(?:the )?(?:week|month|year|weekend)$/;

/** Words that settle "at 7" without am/pm: dinner at 7 is in the evening, breakfast at 7 in the morning. */
const EVENING_WORDS = /\b(dinner|supper|drinks|party|night|concert|movie|show|game|bar|pub|date|happy hour|gig|theater|theatre)\b/;
const MORNING_WORDS = /\b(breakfast|brunch|wake me|wake up|alarm)\b/;

/** Finds the date/time phrases of a message (already normalized) and resolves them against `ctx`. */
export interface WhenOptions {
  /** The date comes from elsewhere (a recurrence, the event being moved): a lone time gets no implied date. */
  dateDecidedElsewhere?: boolean;
  /** A day part from elsewhere ("every night"): sets the default time. */
  timeOfDay?: TimeOfDay;
  /** Settles am/pm only ("move dinner to 8"). */
  meridiemHint?: TimeOfDay;
}

/** Several rules look at the same message; parsing it once per context keeps understanding cheap. */
const memo = new Map<string, WhenParse>();

export function parseWhen(text: string, ctx: WhenContext, opts: WhenOptions = {}): WhenParse {
  const key = `${ctx.now.getTime()}|${ctx.timezone}|${opts.dateDecidedElsewhere ?? ''}|${opts.timeOfDay ?? ''}|${opts.meridiemHint ?? ''}|${text}`;
  const hit = memo.get(key);
  if (hit) return { ...hit };
  const parsed = parseWhenUncached(text, ctx, opts);
  if (memo.size >= 256) memo.clear();
  memo.set(key, parsed);
  return { ...parsed };
}

function parseWhenUncached(text: string, ctx: WhenContext, opts: WhenOptions): WhenParse {
  const now = localNow(ctx);
  let work = prepDateText(text);
  const out: WhenParse = { found: false, rest: '' };
  const take = <T>(f: Found<T> | null, set: (v: T) => void) => {
    if (!f) return;
    set(f.value);
    work = blank(work, f);
  };
  take(findRelativeMinutes(work), (v) => (out.inMinutes = v));
  take(findDuration(work), (v) => (out.durationMinutes = v));
  take(findOrdinalDay(work), (v) => (out.date = nextDayOfMonth(now, v)));
  const tod = findTimeOfDay(work);
  if (tod) out.timeOfDay = tod.value;
  else if (opts.timeOfDay) out.timeOfDay = opts.timeOfDay;
  else if (opts.meridiemHint) out.timeOfDay = opts.meridiemHint;
  else if (EVENING_WORDS.test(work)) out.timeOfDay = 'evening';
  else if (MORNING_WORDS.test(work)) out.timeOfDay = 'morning';

  let start: Clock | undefined;
  let end: Clock | undefined;
  for (const r of parser.parse(work, { instant: ctx.now, timezone: now.offset }, { forwardDate: true })) {
    if (WEAK.test(r.text)) continue;
    let used = false;
    const date = out.date ? null : componentsDate(r.start, now, work.slice(0, r.index), r.text);
    if (date) [out.date, used] = [date, true];
    if (!start && r.start.isCertain('hour')) [start, used] = [clockOf(r.start, work, r.index), true];
    if (r.end?.isCertain('hour') && !end) end = clockOf(r.end, work, r.index);
    // Only a date range ("dec 20 to dec 27") sets an end date; "12:30-1:30" is one day, whatever chrono implies.
    if (r.end && out.date && !r.end.isCertain('hour') && (r.end.isCertain('day') || r.end.isCertain('weekday'))) {
      out.endDate = componentsDate(r.end, now, '') ?? undefined;
    }
    if (used || r.end) work = blank(work, { index: r.index, length: r.text.length });
  }
  if (tod && work.slice(tod.index, tod.index + tod.length).trim()) work = blank(work, tod);
  applyClock(out, start, end, ctx, opts.dateDecidedElsewhere ?? false);
  if (!out.time && (tod || opts.timeOfDay) && out.inMinutes === undefined) {
    out.time = TIME_OF_DAY_DEFAULT[out.timeOfDay!];
    if (!opts.dateDecidedElsewhere) out.date ??= isoDate(now);
  }
  out.found = Boolean(out.date || out.time || out.inMinutes !== undefined);
  out.rest = work.replace(/\s+/g, ' ').trim();
  return out;
}

function applyClock(out: WhenParse, start: Clock | undefined, end: Clock | undefined, ctx: WhenContext, dateElsewhere: boolean): void {
  if (!start) return;
  if (dateElsewhere || out.date || out.timeOfDay || start.meridiemKnown || start.h > 12 || start.h === 0) {
    const h = to24h(start, out.timeOfDay);
    out.time = hhmm(h, start.m);
    if (!dateElsewhere) out.date ??= nextDateForTime(out.time, ctx);
  } else {
    Object.assign(out, nextAmbiguous(start, ctx));
  }
  if (!end) return;
  const startH = Number(out.time!.slice(0, 2));
  let endH = end.h;
  if (!end.meridiemKnown && endH <= 12) {
    while (endH < startH || (endH === startH && end.m <= start.m)) endH += 12;
    if (endH >= 24) endH -= 12;
  }
  out.endTime = hhmm(endH % 24, end.m);
}
