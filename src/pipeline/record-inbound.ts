import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { recordInboundRows, upsertUserLocked } from '../db/record-inbound.sql.js';
import { ConversationMessage, ConversationState, User } from '../entities/index.js';
import type { InboundMessage } from './types.js';

export interface RecordSettings {
  defaultTimezone: string;
  conversationIdleMinutes: number;
}

export type Recorded =
  | { kind: 'new'; user: User; conversation: ConversationState; inboundId: string }
  | { kind: 'duplicate' };

/**
 * Records the inbound message: user, channel, conversation and message in one statement. Through a manager with no
 * transaction open it is committed before any understanding, so nothing that arrived is lost; as the first statement
 * of the rules path's transaction it takes the user's and conversation's row locks for the rest of it. A redelivered
 * providerMessageId writes nothing (inside a transaction, the transaction is then aborted): the caller finds the
 * stored message with `storedDelivery`. User and conversation come back managed by `em`.
 */
export async function recordInbound(
  em: EntityManager,
  msg: InboundMessage,
  phone: string,
  settings: RecordSettings,
  status: 'received' | 'processed' = 'received',
): Promise<Recorded> {
  let rows;
  try {
    rows = await recordInboundRows(em, {
      phone,
      timezone: settings.defaultTimezone,
      channel: msg.channel,
      externalId: msg.externalId ?? null,
      at: msg.receivedAt,
      idleSince: new Date(msg.receivedAt.getTime() - settings.conversationIdleMinutes * 60_000),
      newConversationId: randomUUID(),
      content: msg.text,
      messageType: msg.messageType ?? 'text',
      providerMessageId: msg.providerMessageId ?? null,
      metadata: msg.metadata ?? null,
      status,
    });
  } catch (err) {
    if (!(isUniqueViolation(err) && msg.providerMessageId)) throw err;
    return { kind: 'duplicate' };
  }
  const user = em.map(User, rows.user);
  return { kind: 'new', user, conversation: em.map(ConversationState, rows.conversation), inboundId: rows.messageId };
}

/** The stored message a redelivery collided with (visible: the violation is raised once the other insert committed). */
export async function storedDelivery(em: EntityManager, channel: string, providerMessageId: string): Promise<{ id: string } | null> {
  return em.findOne(
    ConversationMessage,
    { channel: channel as ConversationMessage['channel'], providerMessageId },
    { fields: ['id'] },
  );
}

/** The reply stored for an inbound message, if it was answered. */
export async function storedReply(em: EntityManager, inboundId: string): Promise<{ content: string } | null> {
  return em.findOne(
    ConversationMessage,
    { inReplyTo: inboundId, role: 'assistant' },
    { fields: ['content'], orderBy: { id: 'desc' } },
  );
}

/** Raw statements surface the driver's error (SQLSTATE 23505) rather than the ORM's exception class. */
function isUniqueViolation(err: unknown): boolean {
  return err instanceof UniqueConstraintViolationException || (err as { code?: string } | null)?.code === '23505';
}

/**
 * One statement that creates the user or locks the existing row: the lock makes one user's messages
 * take turns (conversation state is never updated twice at once).
 */
export async function findOrCreateUser(tx: EntityManager, phone: string, timezone: string): Promise<User> {
  return tx.map(User, await upsertUserLocked(tx, phone, timezone));
}
