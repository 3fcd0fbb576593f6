import { DateTime } from 'luxon';
import { formatLocal } from '../../time.js';
import { resolveLocal, startOfLocalDay } from '../../understanding/dates.js';
import { describeTarget, hasTarget } from '../../understanding/when-schema.js';
import { Reminder } from '../reminder/reminder.entity.js';
import { askFor } from '../shared/ask.js';
import { compact } from '../shared/wording.js';
import { defineTool } from '../types.js';
import { agenda, deletedEventReply, describeEvent, overlapWarning, whichEvent } from './calendar.format.js';
import { deleteEventSchema, listEventsSchema, moveEventSchema, nextEventsSchema, type MoveEventArgs } from './calendar.schemas.js';
import { alertAt } from './calendar.notify.js';
import type { EventRow } from './calendar.repository.js';
import { events, pickEvents } from './calendar.service.js';
import { referredEvents } from './calendar-ref.js';

function dayLabel(from: string, to: string, zone: string): string {
  const f = DateTime.fromISO(from, { zone });
  return from === to ? f.toFormat('ccc LLL d') : `${f.toFormat('ccc LLL d')} – ${DateTime.fromISO(to, { zone }).toFormat('ccc LLL d')}`;
}

export const listEventsTool = defineTool({
  name: 'calendar.list',
  description: 'Show calendar events (numbered) and the pending reminders due between two local dates (inclusive).',
  schema: listEventsSchema,
  async execute(args, ctx) {
    const from = startOfLocalDay(args.from, ctx.timezone);
    const to = startOfLocalDay(DateTime.fromISO(args.to).plus({ days: 1 }).toISODate()!, ctx.timezone);
    const rows = await events(ctx).between(ctx.user.id, from, to);
    const reminders = await ctx.em.getRepository(Reminder).occurrencesBetween(ctx.user.id, from, to, ctx.timezone);
    const label = `${args.label ? `${args.label} (${dayLabel(args.from, args.to, ctx.timezone)})` : dayLabel(args.from, args.to, ctx.timezone)}`;
    if (!rows.length && !reminders.length) return { ok: true, reply: `Nothing on your calendar for ${label}. 🎉`, data: { listed: [] } };
    return { ok: true, reply: agenda(rows, ctx.timezone, reminders), data: { listed: rows.map((r) => r.id) } };
  },
});

export const nextEventsTool = defineTool({
  name: 'calendar.next',
  description: 'The next upcoming event(s), optionally only those whose title has the given words.',
  schema: nextEventsSchema,
  async execute(args, ctx) {
    const count = args.count ?? 1;
    const rows = args.words
      ? (await pickEvents(ctx, { words: args.words })).filter((e) => e.endAt.getTime() > ctx.now.getTime()).slice(0, count)
      : await events(ctx).upcoming(ctx.user.id, ctx.now, count);
    if (!rows.length) {
      const reply = args.words ? `Nothing coming up matching "${args.words}".` : 'Nothing coming up on your calendar.';
      return { ok: true, reply, data: { listed: [] } };
    }
    const reply = rows.length === 1 ? `Next: ${describeEvent(rows[0]!, ctx.timezone)}` : agenda(rows, ctx.timezone);
    return { ok: true, reply, data: { listed: rows.map((r) => r.id) } };
  },
});

export function moved(e: EventRow, args: MoveEventArgs, zone: string): { start: Date; end: Date; allDay: boolean } {
  const length = e.endAt.getTime() - e.startAt.getTime();
  if (args.shiftMinutes) {
    const shift = args.shiftMinutes * 60_000;
    return { start: new Date(e.startAt.getTime() + shift), end: new Date(e.endAt.getTime() + shift), allDay: e.allDay };
  }
  const local = DateTime.fromJSDate(e.startAt, { zone });
  const date = args.date ?? local.toISODate()!;
  if (e.allDay && !args.time) {
    const days = Math.max(1, Math.round(length / 86_400_000));
    return {
      start: startOfLocalDay(date, zone),
      end: startOfLocalDay(DateTime.fromISO(date).plus({ days }).toISODate()!, zone),
      allDay: true,
    };
  }
  const start = resolveLocal(date, args.time ?? local.toFormat('HH:mm'), zone);
  return { start, end: new Date(start.getTime() + (e.allDay ? 3_600_000 : length)), allDay: false };
}

export const moveEventTool = defineTool({
  name: 'calendar.move',
  description: 'Move an event (by number or words) to a new local date and/or time, or shift it by minutes; keeps its length.',
  schema: moveEventSchema,
  async execute(args, ctx) {
    if (!hasTarget(args)) return { ok: false, reply: 'Which event? e.g. "move dentist to 3pm".' };
    const rows = await pickEvents(ctx, args);
    if (rows.length > 1) return whichEvent(rows, ctx.timezone, 'move');
    if (!rows.length) return { ok: false, reply: `I couldn't find "${describeTarget(args)}" on your calendar.` };
    if (!args.date && !args.time && !args.shiftMinutes) {
      const pick = compact({ words: args.words, number: args.number, onDate: args.onDate, atTime: args.atTime });
      return askFor(ctx, 'calendar.move', pick, 'when', 'To when?');
    }
    const [event] = rows as [EventRow];
    const next = moved(event, args, ctx.timezone);
    const notifyAt = alertAt(
      { startAt: next.start, allDay: next.allDay, notifyMinutesBefore: event.notifyMinutesBefore },
      ctx.user.preferences,
      ctx.now,
    );
    const clashes = await events(ctx).move(ctx.user.id, event.id, { ...next, notifyAt });
    const was = formatLocal(event.startAt, ctx.timezone);
    Object.assign(event, { startAt: next.start, endAt: next.end, allDay: next.allDay });
    return {
      ok: true,
      reply: `📅 Moved: ${describeEvent(event, ctx.timezone)} (was ${event.allDay ? was.split(',')[0] : was})${overlapWarning(clashes, ctx.timezone)}`,
      data: { id: event.id, overlaps: clashes.map((c) => c.id) },
    };
  },
});

export const deleteEventTool = defineTool({
  name: 'calendar.delete',
  description: 'Delete one event: by its number in the last calendar list, words of its title, its date/time, '
    + 'ref last ("delete it": the event just added or listed) or ref next.',
  schema: deleteEventSchema,
  async execute(args, ctx) {
    if (args.ref) {
      const rows = await referredEvents(ctx, args.ref);
      if (rows.length > 1) return whichEvent(rows, ctx.timezone, 'delete');
      if (!rows[0]) {
        const reply = args.ref === 'next' ? 'Nothing coming up on your calendar.' : 'Which event? e.g. "delete dentist from my calendar".';
        return { ok: false, reply };
      }
      await events(ctx).remove(rows[0].id);
      return { ok: true, reply: `🗑️ Deleted from your calendar: ${describeEvent(rows[0], ctx.timezone)}`, data: { id: rows[0].id } };
    }
    if (args.number !== undefined) {
      const [row] = await pickEvents(ctx, args);
      if (!row) return { ok: false, reply: `I don't see event number ${args.number}. Ask "what's on this week" for a numbered list.` };
      await events(ctx).remove(row.id);
      return { ok: true, reply: `🗑️ Deleted from your calendar: ${describeEvent(row, ctx.timezone)}`, data: { id: row.id } };
    }
    if (!hasTarget(args, false)) return { ok: false, reply: 'Which event? e.g. "delete dentist from my calendar".' };
    const outcome = await events(ctx).deleteByWords(ctx.user.id, args, ctx.now, ctx.timezone);
    return deletedEventReply(outcome, ctx.timezone) ?? { ok: false, reply: `I couldn't find "${describeTarget(args)}" on your calendar.` };
  },
});
