import twilio from 'twilio';
import { DatabaseUnavailableError } from '../../db/unavailable.js';
import { failureRecorded, notStored, storedOrSettled, storedState, whileUnavailable } from './sms-durability.js';
import { errorSummary } from '../../errors.js';
import { OutboundMessage } from '../../entities/outbound-message.entity.js';
import { enqueueOutbound } from '../../outbox/enqueue.js';
import type { InboundResult } from '../../pipeline/types.js';
import type { ChannelDeps } from '../types.js';
import type { SmsConfig } from './sms.config.js';
import type { InboundSms } from './sms.schemas.js';
import { splitSms, totalSegments } from './sms-split.js';

export type IntakeDeps = Pick<ChannelDeps, 'handleInbound' | 'inFlight' | 'outbox' | 'orm' | 'clock' | 'logger'> & { config: SmsConfig };

const LATE = Symbol('late');
/** How long a late webhook may wait for its message to be stored at all; Twilio gives up at 15 s. */
const STORE_DEADLINE_MS = 10_000;

/**
 * Hands one inbound SMS to the pipeline and returns the TwiML to answer with: the reply inline when it is
 * ready within SMS_INLINE_REPLY_MS, otherwise an empty response now and the reply through the outbox later.
 */
export function createSmsIntake(deps: IntakeDeps): (sms: InboundSms) => Promise<string> {
  return async (sms) => {
    let acknowledged = false;
    const work = deps.handleInbound({
      channel: 'sms',
      phone: sms.from,
      text: sms.body,
      providerMessageId: sms.messageSid,
      receivedAt: deps.clock.now(),
      messageType: sms.metadata.media?.length ? 'media' : 'text',
      metadata: { ...sms.metadata },
      // From the moment we give up waiting, the pipeline puts the reply in the outbox as it records it.
      replyRoute: { channel: 'sms', recipient: sms.from, acknowledged: () => acknowledged, describe: describeSms },
    });
    const result = await within(work, deps.config.inlineReplyMs);
    if (result === LATE) {
      acknowledged = true;
      await storedOrSettled(deps, sms.messageSid, work, Math.max(0, STORE_DEADLINE_MS - deps.config.inlineReplyMs));
      deps.logger.info('sms reply not ready in time, answering later', { pmid: sms.messageSid, waitedMs: deps.config.inlineReplyMs });
      deps.inFlight.track(work.then((late) => replyLater(deps, sms, late))).catch((err: unknown) =>
        deps.logger.error('late sms reply failed', { pmid: sms.messageSid, error: errorSummary(err) }),
      );
      // Not even stored by now: Twilio retries; if this attempt still commits, its reply goes out through the outbox.
      if ((await storedState(deps, sms.messageSid)) === 'missing') throw notStored();
      return twiml([]);
    }
    if (!(await failureRecorded(deps, result))) {
      throw new DatabaseUnavailableError('The message is stored but could not be answered; it will be answered shortly');
    }
    return twiml(splitSms((await inlineReply(deps, result)) ?? ''));
  };
}

function within<T>(work: Promise<T>, ms: number): Promise<T | typeof LATE> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(() => resolve(LATE), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Characters XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/U+FFFF); a reply may echo them. */
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function twiml(parts: string[]): string {
  const response = new twilio.twiml.MessagingResponse();
  for (const part of parts) response.message(part.replace(NOT_XML, ''));
  return response.toString();
}

/** A redelivery gets the stored reply again, unless that reply already went out through the outbox. */
async function inlineReply(deps: IntakeDeps, result: InboundResult): Promise<string | null> {
  if (result.outcome !== 'duplicate' || !result.reply || !result.messageId) return result.reply;
  const queued = await outbox(deps).hasReply(result.messageId);
  return queued ? null : result.reply;
}

async function replyLater(deps: IntakeDeps, sms: InboundSms, result: InboundResult): Promise<void> {
  if (!result.reply || !result.userId || !result.messageId || result.outcome === 'duplicate' || result.outcome === 'in_progress') return;
  const { userId, messageId, reply } = result;
  // The database may be restarting: the reply is owed, so keep trying for a while rather than drop it.
  const id = await whileUnavailable(async () => {
    if (!(await failureRecorded(deps, result))) return null; // the recovery job answers it
    // Usually the pipeline already enqueued it with the reply; this covers a reply recorded just before the
    // webhook gave up waiting.
    const enqueued = await enqueueOutbound(deps.orm.em.fork(), {
      userId, body: reply, kind: 'reply', channel: 'sms', recipient: sms.from, sourceType: 'reply', sourceId: messageId, notBefore: deps.clock.now(),
    });
    return enqueued ?? outbox(deps).queuedReplyId(messageId);
  });
  if (id) await deps.outbox.deliver(id);
}

const outbox = (deps: IntakeDeps) => deps.orm.em.fork().getRepository(OutboundMessage);

/** What a reply costs, kept on the stored assistant message as the pipeline records it. */
function describeSms(reply: string): Record<string, unknown> {
  const parts = splitSms(reply);
  return { sms: { parts: parts.length, segments: totalSegments(parts) } };
}
