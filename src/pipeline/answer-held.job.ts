import type { EntityManager } from '@mikro-orm/postgresql';
import { releaseOldestHeld, sendersWithHeld, type HeldSender } from '../db/held-messages.js';
import { ConversationMessage } from '../entities/index.js';
import type { Logger } from '../logger.js';
import { enqueueOutbound } from '../outbox/enqueue.js';
import type { Job } from '../scheduler/types.js';
import type { FloodLimit } from './flood-limit.js';
import type { Pipeline } from './handle-inbound.js';

export interface AnswerHeldDeps {
  pipeline: Pipeline;
  flood: FloodLimit;
  /** Senders looked at per tick. */
  batch?: number;
}

/**
 * Messages held by the flood limit are answered once the sender's minute has passed: oldest first, each through
 * the whole pipeline (so it counts against the limit like a live one, and a sender's backlog drains at most
 * `perMinute` a minute), its reply put in the outbox as it is recorded.
 */
export function createAnswerHeld(deps: AnswerHeldDeps): Job {
  const batch = deps.batch ?? 50;
  return {
    name: 'answer-held-messages',
    async run({ em, now, logger }) {
      await deps.flood.sweep(em);
      let answered = 0;
      for (const sender of await sendersWithHeld(em, batch)) answered += await answerSender(em, sender, now, logger);
      return answered;
    },
  };

  async function answerSender(em: EntityManager, sender: HeldSender, now: Date, logger: Logger): Promise<number> {
    let answered = 0;
    for (let budget = await deps.flood.remaining(em, sender.phone); budget > 0; budget--) {
      const held = await releaseOldestHeld(em, sender.userId);
      if (!held) break;
      const route = { channel: held.channel, recipient: held.recipient, acknowledged: () => true, occurrenceAt: now };
      const result = await deps.pipeline.resume(held.id, route);
      // Another instance's messages used up the minute meanwhile: held again, it waits for the next one.
      if (await em.getRepository(ConversationMessage).isHeld(held.id)) break;
      if (!result || result.outcome === 'duplicate') continue;
      if (result.outcome === 'failed' && result.reply) {
        // An apology is recorded without the outbox (a live one goes back inline): send it like the answer.
        const { channel, recipient } = held;
        const apology = { userId: sender.userId, body: result.reply, kind: 'reply' as const, channel, recipient };
        await enqueueOutbound(em, { ...apology, sourceType: 'reply', sourceId: held.id, occurrenceAt: now, notBefore: now });
      }
      answered += 1;
      logger.info('answered a held message', { messageId: held.id, channel: held.channel });
    }
    return answered;
  }
}
