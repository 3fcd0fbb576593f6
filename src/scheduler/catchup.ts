import type { EntityManager } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import { formatLocal } from '../time.js';

/** Due longer ago than this when handed over: the message says it is late. */
export const LATE_AFTER_MS = 2 * 60_000;

/** Digest rows wait this long before dispatch, so every batch of one catch-up run can add its lines. */
export const DIGEST_HOLD_MS = 60_000;

const DIGEST_HEADER = '🕒 While I was offline you missed:\n';
const MAX_LINES_PER_BATCH = 20;

export type Lateness = 'on-time' | 'late' | 'missed';

/** on-time; late (sent, marked late); missed (older than the catch-up horizon: folded into the digest). */
export function lateness(dueAt: Date, now: Date, horizonHours: number): Lateness {
  const behind = now.getTime() - dueAt.getTime();
  if (behind <= LATE_AFTER_MS) return 'on-time';
  return behind > horizonHours * 3_600_000 ? 'missed' : 'late';
}

/** "9:00 AM" when it was due today (in the user's zone), else "Mon Nov 23, 9:00 AM". */
export function dueLabel(dueAt: Date, now: Date, zone: string): string {
  const sameDay = DateTime.fromJSDate(dueAt, { zone }).hasSame(DateTime.fromJSDate(now, { zone }), 'day');
  return formatLocal(dueAt, zone, { withDate: !sameDay });
}

export function lateSuffix(dueAt: Date, now: Date, zone: string): string {
  return ` (late — was due ${dueLabel(dueAt, now, zone)})`;
}

export interface DigestEntry {
  userId: number;
  line: string;
  /** When the digest may go (after quiet hours); the hold is added on top. */
  notBefore: Date;
}

export class DigestClosedError extends Error {
  constructor(readonly userIds: number[]) {
    super(`a catch-up digest was already sent during this run for users ${userIds.join(', ')}`);
  }
}

function grouped(entries: DigestEntry[]): { user_id: number; lines: string; next_at: string }[] {
  const byUser = new Map<number, DigestEntry[]>();
  for (const e of entries) {
    const list = byUser.get(e.userId);
    if (list) list.push(e);
    else byUser.set(e.userId, [e]);
  }
  return [...byUser.entries()].map(([userId, list]) => {
    const shown = list.slice(0, MAX_LINES_PER_BATCH).map((e) => `• ${e.line}`);
    if (list.length > shown.length) shown.push(`• …and ${list.length - shown.length} more`);
    return { user_id: userId, lines: shown.join('\n'), next_at: list[0]!.notBefore.toISOString() };
  });
}

/**
 * Folds missed occurrences into one "While I was offline you missed: …" message per user and catch-up run
 * (unique source: digest, user id, the run's instant). Later batches of the same run append their lines;
 * if the digest has already left, the caller's transaction is rolled back and the next tick starts a new one.
 */
export async function addToDigest(em: EntityManager, entries: DigestEntry[], now: Date): Promise<void> {
  if (!entries.length) return;
  const rows = grouped(entries).map((r) => ({ ...r, next_at: new Date(Math.max(Date.parse(r.next_at), now.getTime()) + DIGEST_HOLD_MS).toISOString() }));
  const updated: { user_id: number }[] = await em.getConnection().execute(
    `insert into outbound_messages (user_id, body, kind, source_type, source_id, occurrence_at, next_attempt_at)
     select x.user_id, ? || x.lines, 'system', 'digest', x.user_id::text, ?, x.next_at
       from jsonb_to_recordset(?::jsonb) as x(user_id int, lines text, next_at timestamptz)
     on conflict (source_type, source_id, occurrence_at) where source_type is not null
     do update set body = outbound_messages.body || chr(10) || substr(excluded.body, ?), updated_at = ?
      where outbound_messages.status = 'queued'
     returning user_id`,
    [DIGEST_HEADER, now, JSON.stringify(rows), Array.from(DIGEST_HEADER).length + 1, now],
    'all',
    em.getTransactionContext(),
  );
  if (updated.length < rows.length) {
    const done = new Set(updated.map((u) => u.user_id));
    throw new DigestClosedError(rows.map((r) => r.user_id).filter((id) => !done.has(id)));
  }
}
