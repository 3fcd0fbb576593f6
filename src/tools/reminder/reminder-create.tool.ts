import { DateTime } from 'luxon';
import { formatLocal } from '../../time.js';
import { isoDate, localNow, resolveWhen, type WhenContext } from '../../understanding/dates.js';
import { buildRRule, describeRepeat, nextOccurrence, WEEKDAYS, type Repeat } from '../../understanding/recurrence.js';
import { resolveTimeZone } from '../settings/timezones.js';
import { askFor } from '../shared/ask.js';
import { compact } from '../shared/wording.js';
import { defineTool, type ToolContext, type ToolResult } from '../types.js';
import { createReminderSchema, type CreateReminderArgs } from './reminder.schemas.js';
import { reminders } from './reminder.service.js';

export const WHEN_QUESTION = 'When should I remind you?';
export const WHAT_QUESTION = 'What should I remind you about?';

/** A bare "every week" or "every month" repeats on the start date's weekday or day of month. */
function completeRepeat(repeat: Repeat, startDate: string): Repeat {
  const start = DateTime.fromISO(startDate);
  if (repeat.freq === 'weekly' && !repeat.weekdays?.length) return { ...repeat, weekdays: [WEEKDAYS[start.weekday - 1]!] };
  if (repeat.freq === 'monthly' && !repeat.monthDay) return { ...repeat, monthDay: start.day };
  if (repeat.freq === 'yearly' && !repeat.month) return { ...repeat, month: start.month, monthDay: repeat.monthDay ?? start.day };
  return repeat;
}

/** Where a reminder's wall times are read: the zone the user named for it (pinned), else theirs (followed). */
interface Zones {
  zone: string;
  pinned: string | null;
}

/** "every other monday": the first one is the coming monday, so the fortnights count from there, not from today. */
function anchoredRRule(repeat: Repeat, start: { date: string; time: string }, z: Zones, now: Date): string {
  const rule = buildRRule(repeat, start, z.pinned);
  if (!repeat.interval || repeat.interval <= 1) return rule;
  const first = nextOccurrence(buildRRule({ ...repeat, interval: 1 }, start, z.pinned), z.zone, now);
  return first ? buildRRule(repeat, { date: isoDate(DateTime.fromJSDate(first, { zone: z.zone })), time: start.time }, z.pinned) : rule;
}

/** "(every week on Monday)", or for a one-off pinned elsewhere "(9:00 AM Europe/London time)". */
function repeatNote(rrule: string | null, dueAt: Date, z: Zones, userZone: string): string {
  if (rrule) return ` (${describeRepeat(rrule)})`;
  return z.pinned && z.pinned !== userZone ? ` (${formatLocal(dueAt, z.pinned, { withDate: false })} ${z.pinned} time)` : '';
}

function pastReply(ctx: ToolContext, args: CreateReminderArgs, dueAt: Date): ToolResult {
  const wctx: WhenContext = { now: ctx.now, timezone: ctx.timezone };
  const today = localNow(wctx);
  const base = { text: args.text };
  if (args.time && (!args.date || args.date === isoDate(today))) {
    const suggest = { date: isoDate(today.plus({ days: 1 })), time: args.time };
    const at = resolveWhen(suggest, wctx)!;
    const tomorrowAt = formatLocal(at, ctx.timezone, { withDate: false });
    const question = `${formatLocal(dueAt, ctx.timezone)} has already passed. Tomorrow at ${tomorrowAt} instead? Or tell me another time.`;
    return askFor(ctx, 'reminders.create', { ...base, suggest }, 'when', question, false);
  }
  const question = `${formatLocal(dueAt, ctx.timezone)} has already passed. When should I remind you?`;
  return askFor(ctx, 'reminders.create', base, 'when', question, false);
}

export const createReminderTool = defineTool({
  name: 'reminders.create',
  description:
    'Set a reminder. Give local wall-clock date (YYYY-MM-DD) and/or time (HH:mm) in the user\'s zone, or inMinutes from now; ' +
    'for a recurring reminder add repeat {freq, interval, weekdays, monthDay, month}; timezone only when the user names one for it ' +
    '("9am London time"), otherwise it follows the user\'s zone. A missing text or time makes the tool ask.',
  schema: createReminderSchema,
  async execute(args, ctx) {
    const known = compact(args);
    if (!args.text) return askFor(ctx, 'reminders.create', known, 'text', WHAT_QUESTION);
    if (!args.date && !args.time && args.inMinutes === undefined && !args.repeat) return askFor(ctx, 'reminders.create', known, 'when', WHEN_QUESTION);
    const pinned = args.timezone ? resolveTimeZone(args.timezone) : null;
    if (args.timezone && !pinned) {
      return { ok: false, reply: `I don't know the time zone "${args.timezone}". Try a city, e.g. "at 9am London time".` };
    }
    const z: Zones = { zone: pinned ?? ctx.timezone, pinned };
    const wctx: WhenContext = { now: ctx.now, timezone: z.zone };
    let rrule: string | null = null;
    let dueAt: Date | null;
    if (args.repeat) {
      const time = args.time ?? '09:00';
      const date = args.date ?? isoDate(localNow(wctx));
      rrule = anchoredRRule(completeRepeat(args.repeat, date), { date, time }, z, ctx.now);
      dueAt = nextOccurrence(rrule, z.zone, ctx.now);
      if (!dueAt) return { ok: false, reply: "That repeat never comes round again — could you say it another way? e.g. every monday at 9" };
    } else {
      dueAt = resolveWhen(args, wctx)!;
      if (dueAt.getTime() <= ctx.now.getTime()) return pastReply(ctx, args, dueAt);
    }
    const id = await reminders(ctx).add({ userId: ctx.user.id, text: args.text, dueAt, rrule, timezone: ctx.timezone, now: ctx.now });
    const note = repeatNote(rrule, dueAt, z, ctx.timezone);
    const reply = `⏰ ${args.text} — ${formatLocal(dueAt, ctx.timezone)}${note}`;
    return { ok: true, reply, data: { id, dueAt: dueAt.toISOString(), rrule } };
  },
});
