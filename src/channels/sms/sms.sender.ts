import type { MikroORM } from '@mikro-orm/postgresql';
import { maskPhone, type Logger } from '../../logger.js';
import type { Clock } from '../../time.js';
import { PermanentSendError, type SendResult } from '../types.js';
import { ConsentLog } from './consent-log.entity.js';
import { recordConsent } from './consent.service.js';
import { STATUS_WEBHOOK_PATH, type SmsConfig } from './sms.config.js';
import { splitSms, totalSegments } from './sms-split.js';
import type { TwilioClient } from './twilio-client.js';

/** The recipient replied STOP: Twilio refuses to send until they reply START. */
export const OPTED_OUT_CODE = 21610;
/** Errors retrying will not fix: invalid, unreachable or non-mobile numbers, region or sender not permitted. */
const PERMANENT_CODES = new Set([21211, 21214, 21407, 21408, 21421, 21606, 21612, 21614, 21610, 30004, 30005, 30006]);

export interface SmsSenderDeps {
  client: TwilioClient;
  config: SmsConfig;
  orm: MikroORM;
  clock: Clock;
  logger: Logger;
}

export type SmsSender = (to: string, text: string) => Promise<SendResult>;

/**
 * Sends one reply as one or more SMS through the REST API. Never to someone who opted out;
 * failures come back as PermanentSendError (don't retry) or a plain Error (the outbox retries).
 */
export function createSmsSender(deps: SmsSenderDeps): SmsSender {
  const statusCallback = deps.config.publicBaseUrl ? `${deps.config.publicBaseUrl}${STATUS_WEBHOOK_PATH}` : undefined;
  const sender = deps.config.messagingServiceSid ? { messagingServiceSid: deps.config.messagingServiceSid } : { from: deps.config.fromNumber! };

  return async function sendSms(to, text) {
    const user = await findUser(deps.orm, to);
    if (user?.optedOut) throw new PermanentSendError('recipient has opted out of SMS', OPTED_OUT_CODE);
    const parts = splitSms(text);
    if (!parts.length) throw new PermanentSendError('nothing to send: empty message');
    const sids: string[] = [];
    for (const body of parts) {
      try {
        const message = await deps.client.messages.create({ to, body, ...sender, statusCallback });
        sids.push(message.sid);
      } catch (err) {
        throw await classify(err, { deps, to, userId: user?.id, sentParts: sids.length });
      }
    }
    deps.logger.info('sms sent', { to: maskPhone(to), parts: parts.length, sids });
    // One outbox row, one recorded id: the first part's (it fails first when the number is bad).
    return { providerMessageId: sids[0], segments: totalSegments(parts) };
  };
}

function findUser(orm: MikroORM, phone: string): Promise<{ id: number; optedOut: boolean } | null> {
  return orm.em.fork().getRepository(ConsentLog).consentOf(phone);
}

interface FailureContext {
  deps: SmsSenderDeps;
  to: string;
  userId?: number;
  sentParts: number;
}

async function classify(err: unknown, { deps, to, userId, sentParts }: FailureContext): Promise<Error> {
  const { status, code } = err as { status?: number; code?: number | string };
  const summary = `twilio ${code ?? status ?? 'network'}: ${err instanceof Error ? err.message : String(err)}`.slice(0, 500);
  deps.logger.warn('sms send failed', { to: maskPhone(to), status, code, sentParts });
  if (code === OPTED_OUT_CODE && userId !== undefined) {
    await deps.orm.em.fork().transactional((tx) =>
      recordConsent(tx, { userId, channel: 'sms', action: 'opt_out', keyword: null, source: 'provider_error', at: deps.clock.now() }),
    );
  }
  // Other 4xx mean Twilio rejected this request as it is; 401 (credentials being fixed), 408 and 429 are worth retrying.
  const rejected = typeof status === 'number' && status >= 400 && status < 500 && ![401, 408, 429].includes(status);
  const permanent = (typeof code === 'number' && PERMANENT_CODES.has(code)) || rejected;
  return permanent ? new PermanentSendError(summary, code) : new Error(summary);
}
