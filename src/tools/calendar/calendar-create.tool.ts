import { DateTime } from 'luxon';
import { isoDate, localNow, nextDateForTime, resolveLocal, startOfLocalDay, type WhenContext } from '../../understanding/dates.js';
import { askFor } from '../shared/ask.js';
import { compact } from '../shared/wording.js';
import { defineTool } from '../types.js';
import { describeEvent, overlapWarning } from './calendar.format.js';
import { createEventSchema, type CreateEventArgs } from './calendar.schemas.js';
import { alertAt } from './calendar.notify.js';
import { events } from './calendar.service.js';

export const EVENT_WHEN_QUESTION = 'When is it?';

function nextDay(date: string): string {
  return isoDate(DateTime.fromISO(date).plus({ days: 1 }));
}

/** Start and end instants from local fields: all-day spans local midnights; timed defaults to one hour. */
export function eventSpan(args: CreateEventArgs, wctx: WhenContext): { start: Date; end: Date; allDay: boolean } {
  const zone = wctx.timezone;
  const allDay = args.allDay ?? !args.time;
  if (allDay) {
    const first = args.date ?? isoDate(localNow(wctx));
    const last = args.endDate && args.endDate > first ? args.endDate : first;
    return { start: startOfLocalDay(first, zone), end: startOfLocalDay(nextDay(last), zone), allDay };
  }
  const date = args.date ?? nextDateForTime(args.time!, wctx);
  const start = resolveLocal(date, args.time!, zone);
  let end: Date;
  if (args.endTime) {
    end = resolveLocal(args.endDate ?? date, args.endTime, zone);
    if (end.getTime() <= start.getTime()) end = resolveLocal(nextDay(args.endDate ?? date), args.endTime, zone);
  } else {
    end = new Date(start.getTime() + (args.durationMinutes ?? 60) * 60_000);
  }
  return { start, end, allDay };
}

export const createEventTool = defineTool({
  name: 'calendar.create',
  description:
    'Add a calendar event. Local wall-clock date (YYYY-MM-DD) and time (HH:mm) in the user\'s zone; end by endTime/endDate or durationMinutes ' +
    '(default 60); a date with no time is all-day. Warns about overlapping events.',
  schema: createEventSchema,
  async execute(args, ctx) {
    const known = compact(args);
    if (!args.title) return askFor(ctx, 'calendar.create', known, 'title', "What's the event called?");
    if (!args.date && !args.time) return askFor(ctx, 'calendar.create', known, 'when', EVENT_WHEN_QUESTION);
    const { start, end, allDay } = eventSpan(args, { now: ctx.now, timezone: ctx.timezone });
    const notifyMinutesBefore = args.notifyMinutesBefore ?? null;
    const notifyAt = alertAt({ startAt: start, allDay, notifyMinutesBefore }, ctx.user.preferences, ctx.now);
    const location = args.location ?? null;
    const { id, clashes } = await events(ctx).add({
      userId: ctx.user.id, title: args.title, description: args.description ?? null, location,
      start, end, allDay, notifyMinutesBefore, notifyAt, now: ctx.now,
    });
    const event = { title: args.title, startAt: start, endAt: end, allDay, location };
    return {
      ok: true,
      reply: `📅 ${describeEvent(event, ctx.timezone)}${overlapWarning(clashes, ctx.timezone)}`,
      data: { id, overlaps: clashes.map((c) => c.id) },
    };
  },
});
