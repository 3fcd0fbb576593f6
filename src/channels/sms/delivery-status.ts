import type { MikroORM } from '@mikro-orm/postgresql';
import { OutboundMessage, type OutboundStatus } from '../../entities/outbound-message.entity.js';
import type { Clock } from '../../time.js';
import { recordConsent } from './consent.service.js';
import { OPTED_OUT_CODE } from './sms.sender.js';
import type { StatusCallback } from './sms.schemas.js';

/** How far along a row is; a callback only ever moves it to a higher rank (callbacks arrive out of order). */
const RANK: Record<OutboundStatus, number> = { queued: 0, sending: 1, sent: 2, delivered: 3, failed: 3, dead: 3 };

/** Twilio's message status as ours; the statuses before "sent" tell us nothing the row doesn't already say. */
export function outboundStatusFor(status: StatusCallback['status']): OutboundStatus | null {
  switch (status) {
    case 'sent':
      return 'sent';
    case 'delivered':
    case 'read':
      return 'delivered';
    case 'undelivered':
    case 'failed':
    case 'canceled':
      return 'failed';
    default:
      return null;
  }
}

export type StatusUpdate = 'updated' | 'unchanged' | 'unknown';

export async function applyDeliveryStatus(orm: MikroORM, clock: Clock, cb: StatusCallback): Promise<StatusUpdate> {
  const next = outboundStatusFor(cb.status);
  const optedOut = cb.errorCode === String(OPTED_OUT_CODE);
  // queued/accepted/sending… arrive for every message and change nothing: no transaction for them.
  if (!next && !optedOut) return 'unchanged';
  return orm.em.fork().transactional(async (tx) => {
    const outbox = tx.getRepository(OutboundMessage);
    const row = await outbox.lockByProviderId(cb.messageSid);
    if (!row) return 'unknown';
    if (optedOut) {
      await recordConsent(tx, { userId: row.userId, channel: 'sms', action: 'opt_out', keyword: null, source: 'provider_error', at: clock.now() });
    }
    if (!next || RANK[next] <= RANK[row.status]) return 'unchanged';
    await outbox.setDeliveryStatus(row.id, next, cb.errorCode ? `twilio ${cb.errorCode}: message ${cb.status}` : null, clock.now());
    return 'updated';
  });
}
