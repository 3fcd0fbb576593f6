import type { MikroORM } from '@mikro-orm/postgresql';
import { PermanentSendError, type Channel, type SendResult } from '../channels/types.js';
import { fallbackChannelIds, isLocalChannel, type ChannelId } from '../channels/index.js';
import { UserChannel } from '../entities/user-channel.entity.js';
import { errorSummary } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics/metrics.js';
import type { Clock } from '../time.js';
import { backoffMs } from './backoff.js';
import { claimDue, claimOne, recoverExpiredLeases, type ClaimedRow } from './claim.js';
import { createSentMarker } from './mark-sent.js';
import type { OutboxDelivery } from './types.js';

export interface DispatcherDeps {
  orm: MikroORM;
  channels: Channel[];
  clock: Clock;
  logger: Logger;
  metrics?: Metrics;
  maxAttempts: number;
  batchSize?: number;
  concurrency?: number;
  /** How long a claimed row may stay 'sending' before another worker takes it over (crash recovery). */
  leaseMs?: number;
  /** Jitter source for retry backoff (tests pin it). */
  random?: () => number;
  /** Provider accepts written as 'sent' per statement (see mark-sent.ts); 1 writes each at once. */
  markGroupSize?: number;
}

interface Target {
  channel: ChannelId;
  recipient: string;
}

export interface DrainReport {
  sent: number;
  retried: number;
  dead: number;
}

export interface Dispatcher extends OutboxDelivery {
  /** Sends every due row, batch after batch, until none is left. */
  drain(): Promise<DrainReport>;
}

/**
 * Hands outbox rows to the channels. Rows are claimed (status 'sending' with a lease) in their own commit
 * before the provider is called, so several workers never send the same row; a crash between the provider's
 * accept and our 'sent' commit is the only window for a duplicate (the lease expires and the row is resent).
 */
export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const batchSize = deps.batchSize ?? 500;
  const concurrency = deps.concurrency ?? 32;
  const leaseMs = deps.leaseMs ?? 5 * 60_000;
  const byId = new Map<ChannelId, Channel>(deps.channels.map((c) => [c.id, c]));
  const conn = () => deps.orm.em.getConnection();
  const marker = createSentMarker(conn, deps.markGroupSize ?? concurrency);

  async function sendRow(row: ClaimedRow, report: DrainReport): Promise<void> {
    const now = deps.clock.now();
    let sent: { target: Target; result: SendResult };
    try {
      if (row.opted_out) throw new PermanentSendError('user opted out', 'opted_out');
      sent = await sendThroughFirstReachable(row);
    } catch (err) {
      await recordFailure(row, err, now, report);
      return;
    }
    // Outside the try: the provider has accepted it, so a database error here must not queue a retry.
    const { target, result } = sent;
    await marker.add({
      id: row.id,
      channel: target.channel,
      recipient: target.recipient,
      providerMessageId: result.providerMessageId ?? null,
      segments: result.segments ?? null,
    }, now);
    report.sent += 1;
    deps.metrics?.deliveries.inc({ channel: target.channel, status: 'sent' });
    if (row.kind === 'reminder' && row.occurrence_at) deps.metrics?.reminderLagSeconds.observe((now.getTime() - new Date(row.occurrence_at).getTime()) / 1000);
  }

  async function recordFailure(row: ClaimedRow, err: unknown, now: Date, report: DrainReport): Promise<void> {
    const dead = err instanceof PermanentSendError || row.attempts >= deps.maxAttempts;
    const next = new Date(now.getTime() + backoffMs(row.attempts, deps.random));
    await conn().execute(
      `update outbound_messages set status = ?, next_attempt_at = ?, last_error = ?, updated_at = ? where id = ? and status = 'sending'`,
      [dead ? 'dead' : 'queued', next, errorSummary(err), now, row.id],
    );
    if (dead) report.dead += 1;
    else report.retried += 1;
    deps.metrics?.deliveries.inc({ channel: row.channel ?? 'auto', status: dead ? 'dead' : 'retry' });
    deps.logger[dead ? 'warn' : 'info']('delivery failed', { outboundId: row.id, attempts: row.attempts, dead, error: errorSummary(err) });
  }

  /** Falls back to the next channel when one cannot reach the person (Telegram blocked → SMS). */
  async function sendThroughFirstReachable(row: ClaimedRow): Promise<{ target: Target; result: SendResult }> {
    // Not permanent: the operator may configure the missing channel, or the person may write in again.
    let lastError: unknown = new Error('no configured channel can reach this user');
    for (const target of await candidates(row)) {
      const channel = byId.get(target.channel)!;
      try {
        return { target, result: await channel.send(target.recipient, row.body) };
      } catch (err) {
        if (!(err instanceof PermanentSendError) || err.scope !== 'channel') throw err;
        lastError = err;
        await deps.orm.em.fork().getRepository(UserChannel).deactivate(target.channel, target.recipient, row.user_id);
      }
    }
    throw lastError;
  }

  /**
   * An explicit channel wins; otherwise the user's active channels, most recently used first (the local terminal
   * last), then the registry's fallback channels (SMS) by phone number.
   */
  async function candidates(row: ClaimedRow): Promise<Target[]> {
    if (row.channel) {
      if (!byId.has(row.channel)) throw new Error(`channel ${row.channel} is not configured here`);
      return [{ channel: row.channel, recipient: row.recipient ?? row.phone_number }];
    }
    const targets = row.targets.filter((r) => byId.has(r.channel)).map((r) => ({ channel: r.channel, recipient: r.external_id }));
    const ordered = [...targets.filter((t) => !isLocalChannel(t.channel)), ...targets.filter((t) => isLocalChannel(t.channel))];
    for (const id of fallbackChannelIds()) {
      if (byId.has(id) && !ordered.some((t) => t.channel === id)) ordered.push({ channel: id, recipient: row.phone_number });
    }
    return ordered;
  }

  async function runAll(rows: ClaimedRow[], report: DrainReport): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < rows.length) await sendRow(rows[next++]!, report);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));
    await marker.flush(deps.clock.now());
  }

  return {
    async drain() {
      const report: DrainReport = { sent: 0, retried: 0, dead: 0 };
      await recoverExpiredLeases(conn(), deps.clock.now());
      for (;;) {
        const rows = await claimDue(conn(), deps.clock.now(), batchSize, leaseMs);
        if (!rows.length) break;
        await runAll(rows, report);
        if (rows.length < batchSize) break;
      }
      return report;
    },
    async deliver(id) {
      try {
        const row = await claimOne(conn(), id, deps.clock.now(), leaseMs);
        if (row) await runAll([row], { sent: 0, retried: 0, dead: 0 });
      } catch (err) {
        deps.logger.error('outbox delivery failed', { outboundId: id, error: errorSummary(err) });
      }
    },
  };
}
