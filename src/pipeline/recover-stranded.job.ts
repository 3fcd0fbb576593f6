import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChannelId } from '../entities/user-channel.entity.js';
import { errorSummary } from '../errors.js';
import type { Logger } from '../logger.js';
import { enqueueOutbound } from '../outbox/enqueue.js';
import { recipientFor } from '../channels/recipients.js';
import type { Job } from '../scheduler/types.js';
import type { Pipeline } from './handle-inbound.js';

/** Older than any live answer can take (the LLM path is bounded by LLM_TIMEOUT_MS). */
export const STRANDED_AFTER_MS = 2 * 60_000;

/** A stranded message or Telegram update picked up this many times without being finished is marked failed. */
export const MAX_RECOVERY_ATTEMPTS = 3;

interface StrandedRow {
  id: string;
  user_id: number;
  channel: ChannelId;
  phone_number: string;
}
type Conn = ReturnType<EntityManager['getConnection']>;

/**
 * Every accepted message gets its answer: a message stored but never answered (the process died between
 * storing and answering it) is answered on the next tick, and the reply goes out through the outbox.
 * Each pick-up is counted before the message runs, so one that kills its worker every time is not run forever.
 */
export function createStrandedRecovery(pipeline: Pipeline, batch = 50): Job {
  return {
    name: 'recover-stranded-messages',
    async run({ em, now, logger }) {
      const conn = em.getConnection();
      const before = new Date(now.getTime() - STRANDED_AFTER_MS);
      await giveUp(conn, before, logger);
      let answered = 0;
      for (const row of await claim(conn, before, batch)) {
        try {
          if (!(await answer(em, pipeline, row, now))) continue;
          answered += 1;
          logger.info('answered a stranded message', { messageId: row.id, channel: row.channel });
        } catch (err) {
          logger.error('stranded message could not be answered', { messageId: row.id, error: errorSummary(err) });
        }
      }
      return answered;
    },
  };
}

async function claim(conn: Conn, before: Date, batch: number): Promise<StrandedRow[]> {
  return conn.execute(
    `with claimed as (
       update conversation_messages set recovery_attempts = recovery_attempts + 1 where id in (
         select id from conversation_messages where status = 'received' and timestamp < ? and recovery_attempts < ?
          order by timestamp limit ? for update skip locked)
       returning id, user_id, channel, timestamp)
     select c.id::text as id, c.user_id, c.channel, u.phone_number from claimed c join users u on u.id = c.user_id order by c.timestamp`,
    [before, MAX_RECOVERY_ATTEMPTS, batch],
  );
}

async function giveUp(conn: Conn, before: Date, logger: Logger): Promise<void> {
  const rows: { id: string }[] = await conn.execute(
    `update conversation_messages set status = 'failed'
      where status = 'received' and timestamp < ? and recovery_attempts >= ? returning id::text as id`,
    [before, MAX_RECOVERY_ATTEMPTS],
  );
  for (const { id } of rows) logger.warn('stranded message given up: marked failed', { messageId: id, attempts: MAX_RECOVERY_ATTEMPTS });
}

async function answer(em: EntityManager, pipeline: Pipeline, row: StrandedRow, now: Date): Promise<boolean> {
  const result = await pipeline.resume(row.id);
  if (!result?.reply || result.outcome === 'duplicate') return false;
  const recipient = await recipientFor(em, row.channel, { id: row.user_id, phone: row.phone_number });
  await enqueueOutbound(em, { userId: row.user_id, body: result.reply, kind: 'reply', channel: row.channel, recipient, sourceType: 'reply', sourceId: row.id, notBefore: now });
  return true;
}
