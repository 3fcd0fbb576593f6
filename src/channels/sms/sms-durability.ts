import { DatabaseUnavailableError, isDatabaseUnavailable } from '../../db/unavailable.js';
import { ConversationMessage } from '../../entities/conversation-message.entity.js';
import type { InboundResult } from '../../pipeline/types.js';
import type { IntakeDeps } from './sms-intake.js';

/**
 * Twilio must only get a 2xx for a message we hold: once it is stored, the recovery job or the outbox answers
 * it whatever happens next. 'missing' (not stored yet, or the database is gone) calls for a 503 so Twilio
 * redelivers. 'busy': the lookup neither answered nor failed within `waitMs`, which happens when it queues
 * behind the message's own transaction (the embedded database runs one transaction at a time) — the database
 * is up and the message is being handled, so it is taken as stored.
 */
export async function storedState(deps: IntakeDeps, messageSid: string, waitMs = 500): Promise<'stored' | 'missing' | 'busy'> {
  const stored = deps.orm.em.fork().count(ConversationMessage, { channel: 'sms', providerMessageId: messageSid });
  const lookup = stored.then(
    (count) => (count > 0 ? 'stored' : 'missing') as 'stored' | 'missing',
    () => 'missing' as const,
  );
  let timer: NodeJS.Timeout | undefined;
  const busy = new Promise<'busy'>((resolve) => (timer = setTimeout(() => resolve('busy'), waitMs)));
  return Promise.race([lookup, busy]).finally(() => clearTimeout(timer));
}

/** Waits (at most `ms`) until the message is stored, or its handling has ended either way. */
export async function storedOrSettled(deps: IntakeDeps, messageSid: string, work: Promise<unknown>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  const settled = work.then(() => true, () => true);
  while (Date.now() < deadline) {
    if ((await storedState(deps, messageSid)) !== 'missing') return;
    if (await Promise.race([settled, new Promise<false>((resolve) => setTimeout(() => resolve(false), 200))])) return;
  }
}

export function notStored(): DatabaseUnavailableError {
  return new DatabaseUnavailableError('The message could not be stored in time; retry shortly');
}

/**
 * A failure the pipeline could not even record (the database went away mid-message) leaves the message
 * stored but unanswered: the recovery job will answer it, so a "sorry" now would be a second reply.
 */
export async function failureRecorded(deps: IntakeDeps, result: InboundResult): Promise<boolean> {
  if (result.outcome !== 'failed' || !result.messageId) return true;
  const row = await deps.orm.em.fork().findOne(ConversationMessage, result.messageId, { fields: ['status'], disableIdentityMap: true });
  return row?.status !== 'received';
}

/** Runs `work` again while the database is unavailable (a restart takes seconds), for at most `maxMs`. */
export async function whileUnavailable<T>(work: () => Promise<T>, maxMs = 120_000, pauseMs = 1000): Promise<T> {
  const deadline = Date.now() + maxMs;
  for (;;) {
    try {
      return await work();
    } catch (err) {
      if (!isDatabaseUnavailable(err) || Date.now() + pauseMs > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}
