import type { EntityManager } from '@mikro-orm/postgresql';
import type { UserPreferences } from '../../entities/user.entity.js';
import { enqueueOutboundMany, type SourcedOutbound } from '../../outbox/enqueue.js';
import { addToDigest, dueLabel, lateness, lateSuffix, type DigestEntry } from '../../scheduler/catchup.js';
import { runInBatches } from '../../scheduler/batches.js';
import type { Job, JobContext } from '../../scheduler/types.js';
import { nextOccurrence } from '../../understanding/recurrence.js';
import { notBeforeFor } from '../notifications/notification.prefs.js';

interface DueRow {
  id: number;
  user_id: number;
  text: string;
  due_ms: number;
  rrule: string | null;
  user_zone: string;
  preferences: UserPreferences;
}

interface Advance {
  id: number;
  status: 'pending' | 'sent';
  due_at: string;
}

interface Plan {
  messages: SourcedOutbound[];
  digest: DigestEntry[];
  advances: Advance[];
}

export interface DueRemindersOptions {
  /** Reminders claimed (and locked) per transaction. */
  batchSize?: number;
}

/** Claims in index order (reminders_status_due_at_index), then joins the owner; SKIP LOCKED lets every instance claim side by side. */
export const DUE_REMINDERS_CLAIM = `with claimed as (
    select id from reminders where status = 'pending' and due_at <= ? order by due_at limit ? for update skip locked)
  select r.id, r.user_id, r.text, (extract(epoch from r.due_at) * 1000)::float8 as due_ms, r.rrule, u.timezone as user_zone, u.preferences
    from claimed c join reminders r on r.id = c.id join users u on u.id = r.user_id`;

const ADVANCE = `update reminders r set status = x.status, due_at = x.due_at, last_sent_at = ?, updated_at = ?
                   from jsonb_to_recordset(?::jsonb) as x(id int, status text, due_at timestamptz) where r.id = x.id`;

function planBatch(rows: DueRow[], ctx: JobContext): Plan {
  const plan: Plan = { messages: [], digest: [], advances: [] };
  const nextCache = new Map<string, Date | null>();
  for (const row of rows) {
    const due = new Date(row.due_ms);
    const late = lateness(due, ctx.now, ctx.catchupHorizonHours);
    if (late === 'missed') {
      plan.digest.push({ userId: row.user_id, line: `${row.text} — ${dueLabel(due, ctx.now, row.user_zone)}`, notBefore: notBeforeFor(ctx.now, row.user_zone, row.preferences) });
    } else {
      const body = `⏰ ${row.text}${late === 'late' ? lateSuffix(due, ctx.now, row.user_zone) : ''}`;
      // An explicit reminder goes at its time, quiet hours or not.
      plan.messages.push({ userId: row.user_id, body, kind: 'reminder', sourceType: 'reminder', sourceId: String(row.id), occurrenceAt: due, notBefore: ctx.now });
    }
    plan.advances.push(advance(row, due, ctx.now, nextCache));
  }
  return plan;
}

/**
 * One-off → sent; recurring → its next occurrence after both its due time and now (missed ones are skipped),
 * in the user's current zone unless the rule pins its own.
 */
function advance(row: DueRow, due: Date, now: Date, cache: Map<string, Date | null>): Advance {
  if (!row.rrule) return { id: row.id, status: 'sent', due_at: due.toISOString() };
  const after = new Date(Math.max(due.getTime(), now.getTime()));
  const key = `${row.user_zone}|${after.getTime()}|${row.rrule}`;
  if (!cache.has(key)) cache.set(key, nextOccurrence(row.rrule, row.user_zone, after));
  const next = cache.get(key) ?? null;
  return next ? { id: row.id, status: 'pending', due_at: next.toISOString() } : { id: row.id, status: 'sent', due_at: due.toISOString() };
}

async function runBatch(em: EntityManager, ctx: JobContext, batchSize: number): Promise<number> {
  const conn = em.getConnection();
  const trx = em.getTransactionContext();
  const rows: DueRow[] = await conn.execute(DUE_REMINDERS_CLAIM, [ctx.now, batchSize], 'all', trx);
  if (!rows.length) return 0;
  const plan = planBatch(rows, ctx);
  await enqueueOutboundMany(em, plan.messages);
  await addToDigest(em, plan.digest, ctx.now);
  await conn.execute(ADVANCE, [ctx.now, ctx.now, JSON.stringify(plan.advances)], 'run', trx);
  return rows.length;
}

/**
 * Due reminders → outbox. Each batch is one transaction: claim (FOR UPDATE SKIP LOCKED), enqueue one row per
 * occurrence (unique per reminder and due time), advance the reminders. A crash before the commit leaves them
 * pending for the next tick; after it, the outbox owns delivery.
 */
export function createDueRemindersJob(opts: DueRemindersOptions = {}): Job {
  const batchSize = opts.batchSize ?? 1000;
  return {
    name: 'due-reminders',
    run: (ctx) => runInBatches(ctx, batchSize, async (em) => ({ claimed: await runBatch(em, ctx, batchSize) })),
  };
}
