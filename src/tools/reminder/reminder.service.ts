import { DateTime } from 'luxon';
import { formatLocal } from '../../time.js';
import { describeRepeat } from '../../understanding/recurrence.js';
import type { Target } from '../../understanding/when-schema.js';
import { keywords, matchesWords } from '../../understanding/wording.js';
import { lastListed } from '../shared/listed.js';
import type { ToolContext } from '../types.js';
import { Reminder, type ReminderStatus } from './reminder.entity.js';
import type { ReminderRepository, ReminderRow } from './reminder.repository.js';

export function reminders(ctx: ToolContext): ReminderRepository {
  return ctx.em.getRepository(Reminder);
}

/** Marked done since it last went off (a one-off's status says so; a recurring one stays pending). */
export function doneSinceSent(r: ReminderRow): boolean {
  return r.status === 'done' || Boolean(r.doneAt && r.lastSentAt && r.doneAt.getTime() >= r.lastSentAt.getTime());
}

/** Reminders in `statuses` chosen by list number or by words; several rows when the words are ambiguous. */
export async function pickReminders(ctx: ToolContext, pick: Target, statuses: ReminderStatus[]): Promise<ReminderRow[]> {
  const { user, timezone: zone } = ctx;
  const repo = reminders(ctx);
  if (pick.number !== undefined) {
    const ids = lastListed(ctx.conversation, 'reminders.') ?? (await repo.upcoming(user.id)).map((r) => r.id);
    const id = ids[pick.number - 1];
    if (id === undefined) return [];
    const row = await repo.byId(user.id, id, statuses);
    return row ? [row] : [];
  }
  const query = keywords(pick.words ?? '');
  if (!query.length && !pick.onDate && !pick.atTime) return [];
  const rows = await repo.nearest(user.id, statuses, ctx.now);
  return rows.filter((r) => {
    const local = DateTime.fromJSDate(r.dueAt, { zone });
    return (!query.length || matchesWords(r.text, query))
      && (!pick.onDate || local.toISODate() === pick.onDate)
      && (!pick.atTime || local.toFormat('HH:mm') === pick.atTime);
  });
}

export function describeReminder(r: ReminderRow, zone: string): string {
  const when = formatLocal(r.dueAt, zone);
  return r.rrule ? `${r.text} — ${when} (${describeRepeat(r.rrule)})` : `${r.text} — ${when}`;
}

export function numbered(rows: ReminderRow[], zone: string): string {
  return rows.map((r, i) => `${i + 1}. ${describeReminder(r, zone)}`).join('\n');
}
