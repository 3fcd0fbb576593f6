import { DateTime } from 'luxon';
import { formatLocal } from '../../time.js';
import type { ToolResult } from '../types.js';
import type { CalendarEvent } from './calendar.entity.js';
import type { DeletedByWords, EventRow } from './calendar.repository.js';

/** What the wording needs: an entity or a plain row read by the repository. */
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

/** A reminder as an agenda shows it: what, and when it goes off. */
export interface ReminderView {
  text: string;
  at: Date;
  /** How a recurring one repeats ("every day"). */
  repeat?: string;
}

function eventLine(e: EventView, n: number, zone: string): string {
  const clock = (at: Date) => formatLocal(at, zone, { withDate: false });
  const time = e.allDay ? 'all day' : `${clock(e.startAt)}–${clock(e.endAt)}`;
  return `${n}. ${time} ${e.title}${e.location ? ` @ ${e.location}` : ''}`;
}

function reminderLine(r: ReminderView, zone: string): string {
  return `⏰ ${formatLocal(r.at, zone, { withDate: false })} ${r.text}${r.repeat ? ` (${r.repeat})` : ''}`;
}

/**
 * A numbered agenda grouped by local day; numbers follow the order shown (they work with move/delete).
 * Reminders due in the same days sit among the events in time order, marked ⏰ and unnumbered.
 */
export function agenda(events: EventView[], zone: string, reminders: ReminderView[] = []): string {
  const items = [
    ...events.map((e, i) => ({ at: e.startAt, line: eventLine(e, i + 1, zone) })),
    ...reminders.map((r) => ({ at: r.at, line: reminderLine(r, zone) })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  const lines: string[] = [];
  let current = '';
  for (const item of items) {
    const d = day(item.at, zone);
    if (d !== current) lines.push(`📅 ${d}`);
    current = d;
    lines.push(item.line);
  }
  return lines.join('\n');
}

/** "Which one should I move?" with the candidates numbered, so "move 2" picks from them. */
export function whichEvent(rows: EventRow[], zone: string, verb: string): ToolResult {
  return { ok: false, reply: `Which one should I ${verb}?\n${agenda(rows, zone)}\nReply e.g. "${verb} 1".`, data: { listed: rows.map((r) => r.id) } };
}

/** The reply to deleting by words; null when nothing matched (so a caller can say it found nothing). */
export function deletedEventReply(outcome: DeletedByWords, zone: string): ToolResult | null {
  const { deleted, candidates } = outcome;
  if (deleted) return { ok: true, reply: `🗑️ Deleted from your calendar: ${describeEvent(deleted, zone)}`, data: { id: deleted.id } };
  return candidates.length ? whichEvent(candidates, zone, 'delete') : null;
}
