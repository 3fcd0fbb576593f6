import type { MikroORM } from '@mikro-orm/postgresql';
import { PermanentSendError, type Channel } from '../channels/types.js';
import type { ChannelId } from '../entities/user-channel.entity.js';
import { errorSummary } from '../errors.js';
import { maskPhone, type Logger } from '../logger.js';
import type { Clock } from '../time.js';
import type { OutboxDelivery } from './types.js';

export interface OutboxDelivererDeps {
  orm: MikroORM;
  /** A getter: channels are created after the outbox (they receive it to hand over late replies). */
  channels: () => readonly Channel[];
  clock: Clock;
  logger: Logger;
  /** 0 ≤ x < 1, for the retry jitter; injectable so tests are deterministic. */
  random?: () => number;
  maxAttempts?: number;
}

interface ClaimedRow {
  id: string;
  user_id: number;
  channel: ChannelId | null;
  recipient: string | null;
  body: string;
  attempts: number;
}

const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;

/** Exponential backoff (30 s, 1 min, 2 min… up to an hour) with ±20 % jitter so retries don't stampede. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const exact = Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
  return Math.round(exact * (0.8 + 0.4 * random()));
}

/** Sends one queued outbox row through its channel, recording the outcome on the row. */
export function createOutboxDeliverer(deps: OutboxDelivererDeps): OutboxDelivery {
  const maxAttempts = deps.maxAttempts ?? 8;
  const sql = <T>(query: string, params: unknown[]) => deps.orm.em.fork().getConnection().execute<T[]>(query, params);

  async function claim(id: string): Promise<ClaimedRow | undefined> {
    const rows = await sql<ClaimedRow>(
      `update outbound_messages set status = 'sending', attempts = attempts + 1, updated_at = ?
       where id = ? and status = 'queued'
       returning id::text as id, user_id, channel, recipient, body, attempts`,
      [deps.clock.now(), id],
    );
    return rows[0];
  }

  /** The row's channel and recipient, or else where the user was most recently seen. */
  async function target(row: ClaimedRow): Promise<{ channel: Channel; recipient: string }> {
    const seen = await sql<{ channel: ChannelId; external_id: string }>(
      `select channel, external_id from user_channels where user_id = ? and active and (?::text is null or channel = ?)
       order by last_seen_at desc limit 1`,
      [row.user_id, row.channel, row.channel],
    );
    const channelId = row.channel ?? seen[0]?.channel;
    const recipient = row.recipient ?? seen[0]?.external_id;
    const channel = deps.channels().find((c) => c.id === channelId);
    if (!channel || !recipient) throw new PermanentSendError(`no way to reach the user (channel ${channelId ?? 'none'} not available)`);
    return { channel, recipient };
  }

  async function failed(row: ClaimedRow, err: unknown): Promise<void> {
    const permanent = err instanceof PermanentSendError || row.attempts >= maxAttempts;
    const nextAttemptAt = new Date(deps.clock.now().getTime() + retryDelayMs(row.attempts, deps.random));
    await sql(
      `update outbound_messages set status = ?, last_error = ?, next_attempt_at = ?, updated_at = ? where id = ?`,
      [permanent ? 'dead' : 'queued', errorSummary(err), permanent ? deps.clock.now() : nextAttemptAt, deps.clock.now(), row.id],
    );
    deps.logger.warn(permanent ? 'outbound message dead' : 'outbound message will be retried', {
      outboundId: row.id, attempts: row.attempts, error: errorSummary(err), ...(permanent ? {} : { nextAttemptAt }),
    });
  }

  return {
    async deliver(id) {
      let row: ClaimedRow | undefined;
      try {
        row = await claim(id);
        if (!row) return;
        const { channel, recipient } = await target(row);
        const result = await channel.send(recipient, row.body);
        await sql(
          `update outbound_messages set status = 'sent', channel = ?, recipient = ?, provider_message_id = ?, segments = ?, last_error = null, updated_at = ?
           where id = ? and status = 'sending'`,
          [channel.id, recipient, result.providerMessageId ?? null, result.segments ?? null, deps.clock.now(), row.id],
        );
        deps.logger.info('outbound message sent', { outboundId: row.id, channel: channel.id, to: maskPhone(recipient), segments: result.segments });
      } catch (err) {
        if (!row) {
          deps.logger.error('outbox claim failed', { outboundId: id, error: errorSummary(err) });
          return;
        }
        await failed(row, err).catch((markErr: unknown) =>
          deps.logger.error('could not record an outbox failure', { outboundId: id, error: errorSummary(markErr) }),
        );
      }
    },
  };
}
