import { timeChange } from '../../time.js';
import { hasTarget } from '../../understanding/when-schema.js';
import { defineTool, type ToolContext } from '../types.js';
import { moved } from './calendar-manage.tool.js';
import { eventWhen, overlapWarning, whichEvent } from './calendar.format.js';
import { alertAt } from './calendar.notify.js';
import { referredEvents } from './calendar-ref.js';
import type { EventRow } from './calendar.repository.js';
import { editEventSchema, type EditEventArgs } from './calendar.schemas.js';
import { events, pickEvents } from './calendar.service.js';

function picked(args: EditEventArgs, ctx: ToolContext): Promise<EventRow[]> {
  if (args.ref) return referredEvents(ctx, args.ref);
  return hasTarget(args) ? pickEvents(ctx, args) : Promise.resolve([]);
}

/** "12:00 PM → 1:00 PM" on the same day, else both with their dates; all-day events by their days. */
function whenChange(before: EventRow, after: EventRow, zone: string): string {
  if (before.allDay || after.allDay) return `${eventWhen(before, zone)} → ${eventWhen(after, zone)}`;
  return timeChange(before.startAt, after.startAt, zone);
}

export const editEventTool = defineTool({
  name: 'calendar.edit',
  description: 'Correct an event in place ("actually make that 7pm", "it\'s on friday", "change the title to team sync"): '
    + 'new local date and/or time (keeps its length) or title. Picks "it" (ref last: the event just added or listed), ref next, '
    + 'a number or words.',
  schema: editEventSchema,
  async execute(args, ctx) {
    const rows = await picked(args, ctx);
    if (rows.length > 1) return whichEvent(rows, ctx.timezone, 'change');
    if (!rows.length) return { ok: false, reply: 'Which event should I change? e.g. "move dentist to 3pm".' };
    if (!args.date && !args.time && !args.title) return { ok: false, reply: 'What should I change it to? e.g. "make it 7pm".' };
    const [event] = rows as [EventRow];
    const zone = ctx.timezone;
    const title = args.title ?? event.title;
    const lines: string[] = [];
    if (title !== event.title) {
      await events(ctx).retitle(event.id, title);
      lines.push(`📅 ${event.title} → ${title}`);
    }
    let clashes: EventRow[] = [];
    if (args.date || args.time) {
      const next = moved(event, { date: args.date, time: args.time }, zone);
      const alert = { startAt: next.start, allDay: next.allDay, notifyMinutesBefore: event.notifyMinutesBefore };
      const notifyAt = alertAt(alert, ctx.user.preferences, ctx.now);
      clashes = await events(ctx).move(ctx.user.id, event.id, { ...next, notifyAt });
      const after = { ...event, startAt: next.start, endAt: next.end, allDay: next.allDay };
      const changed = after.startAt.getTime() !== event.startAt.getTime() || after.allDay !== event.allDay;
      if (changed) lines.push(`📅 ${title}: ${whenChange(event, after, zone)}`);
    }
    const reply = lines.length ? lines.join('\n') : `📅 ${title} — ${eventWhen(event, zone)} (no change)`;
    return { ok: true, reply: `${reply}${overlapWarning(clashes, zone)}`, data: { id: event.id, overlaps: clashes.map((c) => c.id) } };
  },
});
