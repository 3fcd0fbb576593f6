import type { EntityManager } from '@mikro-orm/postgresql';
import { claimStranded, giveUpStranded, type StrandedMessage } from '../db/stranded-messages.js';
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

/**
 * Every accepted message gets its answer: a message stored but never answered (the process died between
 * storing and answering it) is answered on the next tick, and the reply goes out through the outbox.
 * Each pick-up is counted before the message runs, so one that kills its worker every time is not run forever.
 */
export function createStrandedRecovery(pipeline: Pipeline, batch = 50): Job {
  return {
    name: 'recover-stranded-messages',
    async run({ em, now, logger }) {
      const before = new Date(now.getTime() - STRANDED_AFTER_MS);
      await giveUp(em, before, logger);
      let answered = 0;
      for (const row of await claimStranded(em, before, MAX_RECOVERY_ATTEMPTS, batch)) {
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

async function giveUp(em: EntityManager, before: Date, logger: Logger): Promise<void> {
  for (const id of await giveUpStranded(em, before, MAX_RECOVERY_ATTEMPTS)) {
    logger.warn('stranded message given up: marked failed', { messageId: id, attempts: MAX_RECOVERY_ATTEMPTS });
  }
}

async function answer(em: EntityManager, pipeline: Pipeline, row: StrandedMessage, now: Date): Promise<boolean> {
  const result = await pipeline.resume(row.id);
  if (!result?.reply || result.outcome === 'duplicate') return false;
  const recipient = await recipientFor(em, row.channel, { id: row.userId, phone: row.phone });
  await enqueueOutbound(em, {
    userId: row.userId, body: result.reply, kind: 'reply', channel: row.channel, recipient, sourceType: 'reply', sourceId: row.id, notBefore: now,
  });
  return true;
}
