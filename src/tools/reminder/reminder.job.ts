import type { EntityManager } from '@mikro-orm/postgresql';
import { enqueueOutboundMany, type SourcedOutbound } from '../../outbox/enqueue.js';
import { addToDigest, dueLabel, lateness, lateSuffix, type DigestEntry } from '../../scheduler/catchup.js';
import { runInBatches } from '../../scheduler/batches.js';
import type { Job, JobContext } from '../../scheduler/types.js';
import { nextOccurrence } from '../../understanding/recurrence.js';
import { notBeforeFor } from '../notifications/notification.prefs.js';
import { Reminder } from './reminder.entity.js';
import type { Advance, DueReminder } from './reminder.repository.js';

interface Plan {
  messages: SourcedOutbound[];
  digest: DigestEntry[];
  advances: Advance[];
}

export interface DueRemindersOptions {
  /** Reminders claimed (and locked) per transaction. */
  batchSize?: number;
}

function planBatch(rows: DueReminder[], ctx: JobContext): Plan {
  const plan: Plan = { messages: [], digest: [], advances: [] };
  const nextCache = new Map<string, Date | null>();
  for (const row of rows) {
    const due = row.dueAt;
    const late = lateness(due, ctx.now, ctx.catchupHorizonHours);
    if (late === 'missed') {
      plan.digest.push({
        userId: row.userId,
        line: `${row.text} — ${dueLabel(due, ctx.now, row.userZone)}`,
        notBefore: notBeforeFor(ctx.now, row.userZone, row.preferences),
      });
    } else {
      const body = `⏰ ${row.text}${late === 'late' ? lateSuffix(due, ctx.now, row.userZone) : ''}`;
      // An explicit reminder goes at its time, quiet hours or not.
      plan.messages.push({
        userId: row.userId, body, kind: 'reminder', sourceType: 'reminder', sourceId: String(row.id), occurrenceAt: due, notBefore: ctx.now,
      });
    }
    plan.advances.push(advance(row, due, ctx.now, nextCache));
  }
  return plan;
}

/**
 * One-off → sent; recurring → its next occurrence after both its due time and now (missed ones are skipped),
 * in the user's current zone unless the rule pins its own.
 */
function advance(row: DueReminder, due: Date, now: Date, cache: Map<string, Date | null>): Advance {
  if (!row.rrule) return { id: row.id, status: 'sent', dueAt: due };
  const after = new Date(Math.max(due.getTime(), now.getTime()));
  const key = `${row.userZone}|${after.getTime()}|${row.rrule}`;
  if (!cache.has(key)) cache.set(key, nextOccurrence(row.rrule, row.userZone, after));
  const next = cache.get(key) ?? null;
  return next ? { id: row.id, status: 'pending', dueAt: next } : { id: row.id, status: 'sent', dueAt: due };
}

async function runBatch(em: EntityManager, ctx: JobContext, batchSize: number): Promise<number> {
  const repo = em.getRepository(Reminder);
  const rows = await repo.claimDue(ctx.now, batchSize);
  if (!rows.length) return 0;
  const plan = planBatch(rows, ctx);
  await enqueueOutboundMany(em, plan.messages);
  await addToDigest(em, plan.digest, ctx.now);
  await repo.advance(plan.advances, ctx.now);
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
