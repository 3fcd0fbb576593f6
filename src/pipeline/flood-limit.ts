import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { InboundMessage, Interceptor } from './types.js';

export const FLOOD_NOTICE = "You're sending messages faster than I can keep up with. I'll answer again in a minute.";

/**
 * Beyond `perMinute` messages from one sender, messages are still recorded but not answered until the
 * minute passes, and one notice is sent — a loop or an abuser cannot run up the SMS bill.
 * Counted per process: with several instances each allows `perMinute` (documented in README).
 */
export function createFloodLimit(perMinute: number): Interceptor {
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  const verdicts = new WeakMap<InboundMessage, 'notice' | 'silent'>();
  return {
    name: 'flood_limit',
    async claims(message, user) {
      try {
        await limiter.consume(user.phoneNumber);
        return false;
      } catch (res) {
        if (!(res instanceof RateLimiterRes)) throw res;
        verdicts.set(message, res.consumedPoints === perMinute + 1 ? 'notice' : 'silent');
        return true;
      }
    },
    async run({ message }) {
      const verdict = verdicts.get(message) ?? 'silent';
      return { reply: verdict === 'notice' ? FLOOD_NOTICE : null, toolOutput: { floodLimited: true, perMinute } };
    },
  };
}
