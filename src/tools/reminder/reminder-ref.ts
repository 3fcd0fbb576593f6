import { DateTime } from 'luxon';
import type { Target } from '../../understanding/when-schema.js';
import { keywords, matchesWords } from '../../understanding/wording.js';
import { lastReference } from '../shared/reference.js';
import type { ToolContext } from '../types.js';
import type { ReminderRow } from './reminder.repository.js';
import { reminders } from './reminder.service.js';

/** Alarms are reminders named so (alarm.rules.ts sets them). */
export const isAlarm = (r: Pick<ReminderRow, 'text'>): boolean => /^(?:alarm|wake up)$/i.test(r.text.trim());

export interface ReferredPick extends Target {
  ref?: 'last' | 'next';
  alarm?: boolean;
}

/**
 * The pending reminders a reference means: "it" → the one just set (or the ones just listed), "next" → the next one
 * due, `alarm` → the alarms (on the date / at the time given).
 */
export async function referredReminders(ctx: ToolContext, pick: ReferredPick): Promise<ReminderRow[]> {
  const repo = reminders(ctx);
  if (pick.ref === 'last') {
    const ref = lastReference(ctx.conversation.lastToolResult, 'reminders');
    return ref ? repo.byIds(ctx.user.id, ref.ids, ['pending']) : [];
  }
  const upcoming = (await repo.upcoming(ctx.user.id, 200)).filter((r) => !pick.alarm || isAlarm(r));
  if (pick.ref === 'next') return upcoming.slice(0, 1);
  const picked = upcoming.filter((r) => {
    const local = DateTime.fromJSDate(r.dueAt, { zone: ctx.timezone });
    // "the 6:30 alarm" said without am/pm: the clock on either half of the day.
    const clock = (hhmm: string) => `${Number(hhmm.slice(0, 2)) % 12}${hhmm.slice(2)}`;
    return (!pick.onDate || local.toISODate() === pick.onDate) && (!pick.atTime || clock(local.toFormat('HH:mm')) === clock(pick.atTime));
  });
  // "cancel my alarm" among an alarm and a wake-up call: the one called so ("my wake up alarm": the wake-up call).
  const named = picked.filter((r) => (pick.words ? matchesWords(r.text, keywords(pick.words)) : /^alarm$/i.test(r.text.trim())));
  return picked.length > 1 && named.length === 1 ? named : picked;
}
