import { DateTime } from 'luxon';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ConversationState } from '../../entities/conversation-state.entity.js';
import type { User } from '../../entities/user.entity.js';
import { keywords, matchesWords } from '../../understanding/wording.js';
import { formatLocal } from '../../time.js';
import { describeRRule } from '../../understanding/recurrence.js';
import { Reminder } from './reminder.entity.js';

export function upcomingReminders(em: EntityManager, user: User, limit = 50): Promise<Reminder[]> {
  return em.find(Reminder, { user, status: 'pending' }, { orderBy: { dueAt: 'asc', id: 'asc' }, limit });
}

/** The reminder that went off most recently: what "done" and "snooze" are about. */
export function lastSentReminder(em: EntityManager, user: User): Promise<Reminder | null> {
  return em.findOne(
    Reminder,
    { user, lastSentAt: { $ne: null }, status: { $ne: 'cancelled' } },
    { orderBy: { lastSentAt: 'desc', id: 'desc' } },
  );
}

/** Ids of the last numbered list this conversation showed for `prefix` tools ("cancel 2" refers to it). */
export function lastListed(conversation: ConversationState, prefix: string): number[] | null {
  const results = Array.isArray(conversation.lastToolResult) ? conversation.lastToolResult : [];
  for (const r of results as { tool?: string; data?: { listed?: unknown } }[]) {
    if (r.tool?.startsWith(prefix) && Array.isArray(r.data?.listed)) return r.data.listed as number[];
  }
  return null;
}

export interface Pick {
  number?: number;
  words?: string;
  onDate?: string;
  atTime?: string;
}

/** Reminders in `statuses` chosen by list number or by words; several rows when the words are ambiguous. */
export async function pickReminders(em: EntityManager, user: User, conversation: ConversationState, pick: Pick, statuses: Reminder['status'][], zone = user.timezone): Promise<Reminder[]> {
  if (pick.number !== undefined) {
    const ids = lastListed(conversation, 'reminders.') ?? (await upcomingReminders(em, user)).map((r) => r.id);
    const id = ids[pick.number - 1];
    if (id === undefined) return [];
    const row = await em.findOne(Reminder, { id, user, status: { $in: statuses } });
    return row ? [row] : [];
  }
  const query = keywords(pick.words ?? '');
  if (!query.length && !pick.onDate && !pick.atTime) return [];
  const rows = await em.find(Reminder, { user, status: { $in: statuses } }, { orderBy: { dueAt: 'asc', id: 'asc' }, limit: 500 });
  return rows.filter((r) => {
    const local = DateTime.fromJSDate(r.dueAt, { zone });
    return (!query.length || matchesWords(r.text, query)) && (!pick.onDate || local.toISODate() === pick.onDate) && (!pick.atTime || local.toFormat('HH:mm') === pick.atTime);
  });
}

export function describeReminder(r: Reminder, zone: string): string {
  const when = formatLocal(r.dueAt, zone);
  return r.rrule ? `${r.text} — ${when} (${describeRRule(r.rrule)})` : `${r.text} — ${when}`;
}

export function numbered(rows: Reminder[], zone: string): string {
  return rows.map((r, i) => `${i + 1}. ${describeReminder(r, zone)}`).join('\n');
}
