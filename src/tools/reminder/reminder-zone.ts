import type { EntityManager } from '@mikro-orm/postgresql';
import { nextOccurrence, pinnedZone } from '../../understanding/recurrence.js';
import { Reminder } from './reminder.entity.js';

export interface FollowedZone {
  /** Recurring reminders whose next time moved to the new zone's wall clock. */
  moved: number;
  /** The soonest of them, for the reply. */
  next: { text: string; dueAt: Date } | null;
}

/** The next time was the rule's own occurrence in the old zone, not a snooze the user asked for. */
function isOccurrence(rrule: string, dueAt: Date, zone: string): boolean {
  return nextOccurrence(rrule, zone, new Date(dueAt.getTime() - 1))?.getTime() === dueAt.getTime();
}

/**
 * After the user's zone changes, their recurring reminders that follow it (no zone pinned) keep their wall times
 * in the new zone: each one's next time is recomputed there. Snoozed ones keep the instant the user asked for.
 */
export async function followZone(em: EntityManager, userId: number, from: string, to: string, now: Date): Promise<FollowedZone> {
  const repo = em.getRepository(Reminder);
  const moves: { id: number; text: string; dueAt: Date }[] = [];
  for (const r of await repo.recurring(userId)) {
    if (!r.rrule || pinnedZone(r.rrule) || !isOccurrence(r.rrule, r.dueAt, from)) continue;
    const next = nextOccurrence(r.rrule, to, now);
    if (next && next.getTime() !== r.dueAt.getTime()) moves.push({ id: r.id, text: r.text, dueAt: next });
  }
  await repo.moveDue(moves);
  const soonest = [...moves].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
  return { moved: moves.length, next: soonest ? { text: soonest.text, dueAt: soonest.dueAt } : null };
}
