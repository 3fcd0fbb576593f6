import rrule from 'rrule';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Found } from './date-prep.js';
import { told } from './told.js';

const { RRule } = rrule;

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAYS)[number];

const EVERY_1_TO_99 = told('A repeat goes from every 1 to every 99 days, weeks, months or years.');

/** A recurrence as plain fields (what rules and an LLM produce); the RRULE string is built from it on the server. */
export const repeatSchema = z.object({
  freq: z.enum(['daily', 'weekly', 'monthly', 'yearly']),
  interval: z.number().int().min(1, EVERY_1_TO_99).max(99, EVERY_1_TO_99).optional(),
  weekdays: z.array(z.enum(WEEKDAYS)).min(1).max(7).optional(),
  /** 1–31, or -1 for the last day of the month. */
  monthDay: z.number().int().min(-1).max(31).refine((d) => d !== 0).optional(),
  month: z.number().int().min(1).max(12).optional(),
});
export type Repeat = z.infer<typeof repeatSchema>;


function wallStamp(date: string, time: string): string {
  return `${date.replaceAll('-', '')}T${time.replace(':', '')}00`;
}

/**
 * RFC 5545 text with a local wall-time DTSTART, so 9:00 stays 9:00 on both sides of a DST change.
 * With no zone it is floating time, "DTSTART:20261123T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO": it follows whatever
 * zone the user is in when it is expanded. A zone the user named ("9am London time") pins it with TZID.
 */
export function buildRRule(repeat: Repeat, start: { date: string; time: string }, zone: string | null): string {
  const parts = [`FREQ=${repeat.freq.toUpperCase()}`];
  if (repeat.interval && repeat.interval > 1) parts.push(`INTERVAL=${repeat.interval}`);
  if (repeat.weekdays?.length) parts.push(`BYDAY=${repeat.weekdays.join(',')}`);
  if (repeat.month) parts.push(`BYMONTH=${repeat.month}`);
  if (repeat.monthDay) parts.push(`BYMONTHDAY=${repeat.monthDay}`);
  return `DTSTART${zone ? `;TZID=${zone}` : ''}:${wallStamp(start.date, start.time)}\nRRULE:${parts.join(';')}`;
}

interface ParsedRRule {
  zone: string;
  rule: InstanceType<typeof RRule>;
}

const DTSTART_RE = /^DTSTART(?:;TZID=([^:]+))?:(\d{8}T\d{6})Z?$/m;
const RRULE_RE = /^RRULE:(.+)$/m;

/** Expands in floating wall-clock time (a UTC Date standing for local time) and converts each result in the zone. */
function parseStored(text: string, fallbackZone: string): ParsedRRule {
  const start = DTSTART_RE.exec(text);
  const body = RRULE_RE.exec(text);
  if (!start || !body) throw new Error(`not an RRULE with DTSTART: ${JSON.stringify(text)}`);
  const wall = DateTime.fromFormat(start[2]!, "yyyyLLdd'T'HHmmss", { zone: 'utc' });
  const options = RRule.parseString(body[1]!);
  return { zone: start[1] ?? fallbackZone, rule: new RRule({ ...options, dtstart: wall.toJSDate(), tzid: null }) };
}

function wallToInstant(floating: Date, zone: string): Date {
  const w = DateTime.fromJSDate(floating, { zone: 'utc' });
  return DateTime.fromObject({ year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute, second: w.second }, { zone }).toJSDate();
}

/**
 * The first occurrence strictly after `after`, as an instant; wall times keep their local hour across DST changes.
 * A floating rule is expanded in `zone` (the user's current zone); a pinned one in its own.
 */
export function nextOccurrence(rruleText: string, zone: string, after: Date): Date | null {
  const { zone: ruleZone, rule } = parseStored(rruleText, zone);
  const local = DateTime.fromJSDate(after, { zone: ruleZone });
  // Start a day early in floating time: the zone's offset can shift which wall time `after` corresponds to.
  let cursor = DateTime.fromObject(
    { year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute, second: local.second },
    { zone: 'utc' },
  ).minus({ days: 1 }).toJSDate();
  for (let i = 0; i < 400; i++) {
    const next = rule.after(cursor, false);
    if (!next) return null;
    const instant = wallToInstant(next, ruleZone);
    if (instant.getTime() > after.getTime()) return instant;
    cursor = next;
  }
  return null;
}

/** The zone a rule was pinned to by the user (DTSTART;TZID=…), or null when it follows the user's zone. */
export function pinnedZone(rruleText: string): string | null {
  return DTSTART_RE.exec(rruleText)?.[1] ?? null;
}

/** How a reminder repeats, saying the zone it keeps when it is pinned: "every week on Monday at 9:00 AM Europe/London time". */
export function describeRepeat(rruleText: string): string {
  const zone = pinnedZone(rruleText);
  if (!zone) return describeRRule(rruleText);
  const wall = DateTime.fromFormat(DTSTART_RE.exec(rruleText)![2]!, "yyyyLLdd'T'HHmmss");
  return `${describeRRule(rruleText)} at ${wall.toFormat('h:mm a')} ${zone} time`;
}

/** "every 2 weeks on Friday" from the stored text, for replies and lists. */
export function describeRRule(rruleText: string): string {
  const { rule } = parseStored(rruleText, 'UTC');
  const o = rule.origOptions;
  const weekdays = Array.isArray(o.byweekday) ? o.byweekday.map(String).sort().join(',') : '';
  if (o.freq === RRule.WEEKLY && (o.interval ?? 1) === 1 && weekdays === 'FR,MO,TH,TU,WE') return 'every weekday';
  if (o.freq === RRule.MONTHLY && o.bymonthday === -1) return 'on the last day of every month';
  return rule.toText();
}

export type { Found };
