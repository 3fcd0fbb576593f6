import { RateLimiterRes } from 'rate-limiter-flexible';
import type { EntityManager } from '@mikro-orm/postgresql';
import { deleteExpiredLimits, rateLimiterOn } from '../db/rate-limit-store.js';
import { isLocalChannel } from '../channels/index.js';
import { ConversationMessage } from '../entities/index.js';
import type { Clock } from '../time.js';
import type { InboundMessage, Interceptor } from './types.js';

export const FLOOD_NOTICE =
  "You're sending messages faster than I can keep up with. I'll answer the rest in order, starting in about a minute.";

const MINUTE_MS = 60_000;
/**
 * The library's own (wall-clock) expiry only lets `sweep` delete a counter: a key names its minute of the injected
 * clock, so it is never counted on after that minute. Two minutes keep it through its minute with room to spare.
 */
const KEEP_SECONDS = 120;

export interface FloodLimit extends Interceptor {
  /** How many more answers the sender may get this minute: what the held-message job may use. */
  remaining(em: EntityManager, phone: string): Promise<number>;
  /** Deletes counters of minutes long past. */
  sweep(em: EntityManager): Promise<void>;
}

export interface FloodLimitDeps {
  perMinute: number;
  clock: Clock;
}

/**
 * At most `perMinute` answers a minute per sender (SMS and Telegram together), counted in the database so every
 * instance shares the count; a loop or an abuser cannot run up the SMS bill. A message beyond it is recorded and
 * held, the first one of a burst gets a notice, and the scheduler answers held messages in order once the minute
 * has passed (answer-held-messages job), within the same limit. While a sender has held messages, a new one waits
 * behind them. The local chat and the CLI (the console channel, typed on this machine) are not limited.
 */
export function createFloodLimit({ perMinute, clock }: FloodLimitDeps): FloodLimit {
  const limiterOn = (em: EntityManager) => rateLimiterOn(em, { keyPrefix: 'flood', points: perMinute, durationSeconds: KEEP_SECONDS });
  const minuteOf = (at: Date) => Math.floor(at.getTime() / MINUTE_MS);
  const keyOf = (phone: string) => `${phone}:${minuteOf(clock.now())}`;
  const notices = new WeakSet<InboundMessage>();

  return {
    name: 'flood_limit',
    async claims(message, user, { em, inboundId }) {
      if (isLocalChannel(message.channel)) return false; // typed on this machine: the chat and the CLI
      if (await em.getRepository(ConversationMessage).heldBefore(user.id, inboundId)) return true;
      try {
        await limiterOn(em).consume(keyOf(user.phoneNumber));
        return false;
      } catch (res) {
        if (!(res instanceof RateLimiterRes)) throw res;
        // The first message of this minute over the limit, and not an older one being released: tell the sender once.
        if (res.consumedPoints === perMinute + 1 && minuteOf(message.receivedAt) === minuteOf(clock.now())) notices.add(message);
        return true;
      }
    },
    async run({ em, inbound, message, logger }) {
      await em.nativeUpdate(ConversationMessage, { id: inbound.id }, { status: 'held' });
      logger.info('message held by the flood limit', { messageId: inbound.id, perMinute });
      return { reply: notices.has(message) ? FLOOD_NOTICE : null, toolOutput: { floodLimited: true, held: true, perMinute } };
    },
    async remaining(em, phone) {
      const used = await limiterOn(em).get(keyOf(phone));
      return Math.max(perMinute - (used?.consumedPoints ?? 0), 0);
    },
    sweep: (em) => deleteExpiredLimits(em, Date.now()),
  };
}
