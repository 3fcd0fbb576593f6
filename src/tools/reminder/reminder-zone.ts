import { toDate, type Sql } from '../../db/sql.js';
import { nextOccurrence, pinnedZone } from '../../understanding/recurrence.js';

interface FollowingRow {
  id: number;
  text: string;
  due_at: string;
  rrule: string;
}

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
export async function followZone(sql: Sql, userId: number, from: string, to: string, now: Date): Promise<FollowedZone> {
  const rows = await sql<FollowingRow>(
    `select id, text, due_at, rrule from reminders where user_id = $1 and status = 'pending' and rrule is not null order by due_at, id`,
    [userId],
  );
  const moves: { id: number; text: string; dueAt: Date }[] = [];
  for (const r of rows) {
    const dueAt = toDate(r.due_at);
    if (pinnedZone(r.rrule) || !isOccurrence(r.rrule, dueAt, from)) continue;
    const next = nextOccurrence(r.rrule, to, now);
    if (next && next.getTime() !== dueAt.getTime()) moves.push({ id: r.id, text: r.text, dueAt: next });
  }
  if (moves.length) {
    await sql(
      `update reminders r set due_at = x.due_at, updated_at = $2
         from jsonb_to_recordset($1::jsonb) as x(id int, due_at timestamptz) where r.id = x.id`,
      [JSON.stringify(moves.map((m) => ({ id: m.id, due_at: m.dueAt.toISOString() }))), new Date()],
    );
  }
  const soonest = [...moves].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
  return { moved: moves.length, next: soonest ? { text: soonest.text, dueAt: soonest.dueAt } : null };
}
