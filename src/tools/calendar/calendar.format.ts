import { DateTime } from 'luxon';
import { formatLocal } from '../../time.js';
import type { CalendarEvent } from './calendar.entity.js';

/** What the wording needs: an entity or a row read with ctx.sql. */
export type EventView = Pick<CalendarEvent, 'title' | 'startAt' | 'endAt' | 'allDay' | 'location'>;

function day(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat('ccc LLL d');
}

/** "Tue Nov 24, 3:00 PM – 4:00 PM" or "Sat Nov 28 (all day)", in the user's zone. */
export function eventWhen(e: EventView, zone: string): string {
  if (e.allDay) {
    const lastDay = new Date(e.endAt.getTime() - 1);
    const first = day(e.startAt, zone);
    const last = day(lastDay, zone);
    return first === last ? `${first} (all day)` : `${first} – ${last} (all day)`;
  }
  const sameDay = day(e.startAt, zone) === day(e.endAt, zone);
  return `${formatLocal(e.startAt, zone)} – ${formatLocal(e.endAt, zone, { withDate: !sameDay })}`;
}

export function describeEvent(e: EventView, zone: string): string {
  return `${e.title} — ${eventWhen(e, zone)}${e.location ? ` @ ${e.location}` : ''}`;
}

export function overlapWarning(others: EventView[], zone: string): string {
  if (!others.length) return '';
  const list = others.slice(0, 3).map((o) => `${o.title} (${eventWhen(o, zone)})`).join(', ');
  return `\n⚠️ Overlaps with ${list}`;
}

/** A numbered agenda grouped by local day; numbers follow the order shown (they work with move/delete). */
export function agenda(events: EventView[], zone: string): string {
  const lines: string[] = [];
  let current = '';
  events.forEach((e, i) => {
    const d = day(e.startAt, zone);
    if (d !== current) lines.push(`📅 ${d}`);
    current = d;
    const time = e.allDay ? 'all day' : `${formatLocal(e.startAt, zone, { withDate: false })}–${formatLocal(e.endAt, zone, { withDate: false })}`;
    lines.push(`${i + 1}. ${time} ${e.title}${e.location ? ` @ ${e.location}` : ''}`);
  });
  return lines.join('\n');
}
