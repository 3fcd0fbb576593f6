import type { ChannelId } from '../entities/user-channel.entity.js';
import { enqueueOutbound } from '../outbox/enqueue.js';
import type { Job } from '../scheduler/types.js';
import type { Pipeline } from './handle-inbound.js';

/** Older than any live answer can take (the LLM path is bounded by LLM_TIMEOUT_MS). */
export const STRANDED_AFTER_MS = 2 * 60_000;

/**
 * Every accepted message gets its answer: a message stored but never answered (the process died between
 * storing and answering it) is answered on the next tick, and the reply goes out through the outbox.
 */
export function createStrandedRecovery(pipeline: Pipeline, batch = 50): Job {
  return {
    name: 'recover-stranded-messages',
    async run({ em, now, logger }) {
      const conn = em.getConnection();
      const rows: { id: string; user_id: number; channel: ChannelId; phone_number: string }[] = await conn.execute(
        `select m.id::text as id, m.user_id, m.channel, u.phone_number
           from conversation_messages m join users u on u.id = m.user_id
          where m.status = 'received' and m.timestamp < ? order by m.timestamp limit ?`,
        [new Date(now.getTime() - STRANDED_AFTER_MS), batch],
      );
      let answered = 0;
      for (const row of rows) {
        const result = await pipeline.resume(row.id);
        if (!result?.reply || result.outcome === 'duplicate') continue;
        const recipient = await recipientFor(conn, row);
        await enqueueOutbound(em, { userId: row.user_id, body: result.reply, kind: 'reply', channel: row.channel, recipient, sourceType: 'reply', sourceId: row.id, notBefore: now });
        answered += 1;
        logger.info('answered a stranded message', { messageId: row.id, channel: row.channel });
      }
      return answered;
    },
  };
}

async function recipientFor(conn: { execute: (sql: string, params: unknown[]) => Promise<unknown> }, row: { user_id: number; channel: ChannelId; phone_number: string }): Promise<string> {
  if (row.channel !== 'telegram') return row.phone_number;
  const channels = (await conn.execute(
    `select external_id from user_channels where user_id = ? and channel = 'telegram' order by last_seen_at desc limit 1`,
    [row.user_id],
  )) as { external_id: string }[];
  return channels[0]?.external_id ?? row.phone_number;
}
