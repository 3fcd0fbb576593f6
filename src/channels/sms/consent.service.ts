import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChannelId } from '../../entities/user-channel.entity.js';

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

/**
 * Sets users.opted_out and appends to the consent log, inside the caller's transaction.
 * Every keyword is logged (each is the person's own word); a provider error only when it changes something.
 */
export async function recordConsent(em: EntityManager, change: ConsentChange): Promise<void> {
  const conn = em.getConnection();
  const ctx = em.getTransactionContext();
  const optedOut = change.action === 'opt_out';
  const result = await conn.execute<{ affectedRows: number }>(
    'update users set opted_out = ?, updated_at = ? where id = ? and opted_out <> ?',
    [optedOut, change.at, change.userId, optedOut],
    'run',
    ctx,
  );
  if (change.source === 'provider_error' && result.affectedRows === 0) return;
  await conn.execute(
    'insert into consent_log (user_id, channel, action, keyword, source, message_id, created_at) values (?, ?, ?, ?, ?, ?, ?)',
    [change.userId, change.channel, change.action, change.keyword, change.source, change.messageId ?? null, change.at],
    'run',
    ctx,
  );
}
