import { LockMode, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { ConversationMessage, ConversationState, User, UserChannel } from '../entities/index.js';
import type { InboundMessage } from './types.js';

export interface RecordSettings {
  defaultTimezone: string;
  conversationIdleMinutes: number;
}

export type Recorded =
  | { kind: 'new'; user: User; conversation: ConversationState; inbound: ConversationMessage }
  | { kind: 'duplicate'; existing: ConversationMessage };

class DuplicateDelivery extends Error {}

/**
 * Commits the inbound message on its own, before any understanding, so nothing that arrived is lost.
 * A redelivered providerMessageId rolls this transaction back and returns the stored message instead.
 */
export async function recordInbound(em: EntityManager, msg: InboundMessage, phone: string, settings: RecordSettings): Promise<Recorded> {
  try {
    return await em.transactional(async (tx) => {
      const user = await findOrCreateUser(tx, phone, settings.defaultTimezone);
      await touchChannel(tx, user, msg);
      const conversation = await currentConversation(tx, user, msg, settings.conversationIdleMinutes);
      conversation.stepCount += 1;
      conversation.userInput = msg.text;
      conversation.updatedAt = msg.receivedAt;
      const inbound = tx.create(ConversationMessage, {
        conversation,
        user,
        channel: msg.channel,
        role: 'user',
        content: msg.text,
        messageType: msg.messageType ?? 'text',
        providerMessageId: msg.providerMessageId ?? null,
        status: 'received',
        timestamp: msg.receivedAt,
        metadata: msg.metadata ?? null,
      });
      try {
        await tx.flush();
      } catch (err) {
        if (err instanceof UniqueConstraintViolationException && msg.providerMessageId) throw new DuplicateDelivery();
        throw err;
      }
      return { kind: 'new' as const, user, conversation, inbound };
    });
  } catch (err) {
    if (!(err instanceof DuplicateDelivery)) throw err;
    const existing = await em.fork().findOneOrFail(ConversationMessage, {
      channel: msg.channel,
      providerMessageId: msg.providerMessageId,
    });
    return { kind: 'duplicate', existing };
  }
}

/**
 * One statement that creates the user or locks the existing row: the lock makes one user's messages
 * take turns (conversation state is never updated twice at once), and a plain select-for-update after
 * an insert-or-ignore can deadlock when the same new number writes in concurrently.
 */
export async function findOrCreateUser(tx: EntityManager, phone: string, timezone: string): Promise<User> {
  const rows: Record<string, unknown>[] = await tx.getConnection().execute(
    `insert into users (phone_number, timezone) values (?, ?)
     on conflict (phone_number) do update set phone_number = excluded.phone_number
     returning *`,
    [phone, timezone],
    'all',
    tx.getTransactionContext(),
  );
  return tx.map(User, rows[0]!);
}

async function touchChannel(tx: EntityManager, user: User, msg: InboundMessage): Promise<void> {
  const externalId = msg.externalId ?? user.phoneNumber;
  await tx
    .createQueryBuilder(UserChannel)
    .insert({ user: user.id, channel: msg.channel, externalId, active: true, lastSeenAt: msg.receivedAt, createdAt: new Date() })
    .onConflict(['channel', 'external_id'])
    .merge(['user', 'active', 'lastSeenAt'])
    .execute();
}

async function currentConversation(tx: EntityManager, user: User, msg: InboundMessage, idleMinutes: number): Promise<ConversationState> {
  const latest = await tx.findOne(
    ConversationState,
    { user, channel: msg.channel },
    { orderBy: { updatedAt: 'desc' } },
  );
  const idleSince = msg.receivedAt.getTime() - idleMinutes * 60_000;
  if (latest && latest.updatedAt.getTime() >= idleSince) return latest;
  return tx.create(ConversationState, {
    conversationId: randomUUID(),
    user,
    channel: msg.channel,
    createdAt: msg.receivedAt,
    updatedAt: msg.receivedAt,
  });
}
