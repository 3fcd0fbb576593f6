import { EntityRepository } from '@mikro-orm/postgresql';
import { User } from '../../entities/user.entity.js';
import type { ChannelId } from '../../entities/user-channel.entity.js';
import type { ConsentLog } from './consent-log.entity.js';

export type ConsentAction = 'opt_out' | 'opt_in';
/** keyword: we matched it; provider_opt_out: Twilio's opt-out handling matched it (OptOutType); provider_error: a 21610 on send. */
export type ConsentSource = 'keyword' | 'provider_opt_out' | 'provider_error';

export interface ConsentChange {
  userId: number;
  channel: ChannelId;
  action: ConsentAction;
  keyword: string | null;
  source: ConsentSource;
  messageId?: string | null;
  at: Date;
}

/** Who may be messaged: users.opted_out, and the log of every change to it. */
export class ConsentLogRepository extends EntityRepository<ConsentLog> {
  /**
   * Sets users.opted_out and appends to the consent log, inside the repository's (the caller's) transaction.
   * Every keyword is logged (each is the person's own word); a provider error only when it changes something.
   */
  async record(change: ConsentChange): Promise<void> {
    const optedOut = change.action === 'opt_out';
    const where = { id: change.userId, optedOut: { $ne: optedOut } };
    const changed = await this.em.nativeUpdate(User, where, { optedOut, updatedAt: change.at });
    if (change.source === 'provider_error' && changed === 0) return;
    const { userId, channel, action, keyword, source, messageId, at } = change;
    await this.em.insert(this.entityName, { user: userId, channel, action, keyword, source, message: messageId ?? null, createdAt: at });
  }

  /** The user owning `phone` and whether they opted out; null when nobody has that number. */
  async consentOf(phone: string): Promise<{ id: number; optedOut: boolean } | null> {
    const row = await this.em
      .createQueryBuilder(User)
      .select(['id', 'optedOut'])
      .where({ phoneNumber: phone })
      .execute<{ id: number; optedOut: boolean } | null>('get');
    return row ?? null;
  }
}
