import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChannelId } from '../entities/user-channel.entity.js';
import type { ConversationMessage } from '../entities/conversation-message.entity.js';
import type { ConversationState } from '../entities/conversation-state.entity.js';
import type { User } from '../entities/user.entity.js';
import type { Logger } from '../logger.js';

export interface InboundMessage {
  channel: ChannelId;
  /** The sender's phone number (E.164, or anything libphonenumber can read). */
  phone: string;
  /** The channel's own identity for the sender (Telegram chat id); defaults to the phone number. */
  externalId?: string;
  text: string;
  /** Twilio MessageSid, Telegram update id…: a redelivery with the same id runs nothing twice. */
  providerMessageId?: string;
  receivedAt: Date;
  messageType?: string;
  metadata?: Record<string, unknown>;
  /** Set by a channel that may answer its webhook before the reply is ready (SMS). */
  replyRoute?: ReplyRoute;
}

/**
 * Where a reply goes when the webhook was already answered without it: once `acknowledged()` is true, the
 * pipeline writes the reply to the outbox in the same transaction that records it, so a crash cannot lose it.
 */
export interface ReplyRoute {
  channel: ChannelId;
  recipient: string;
  acknowledged(): boolean;
  /** What the channel wants kept with the stored reply (e.g. SMS parts and segments, so cost is visible). */
  describe?(reply: string): Record<string, unknown>;
  /** Set for an answer that follows an earlier reply to the same message (a held one's flood notice): both stay in the outbox. */
  occurrenceAt?: Date;
}

export type InboundOutcome = 'replied' | 'duplicate' | 'in_progress' | 'failed';

export interface InboundResult {
  outcome: InboundOutcome;
  /** What to send back; null when nothing should be sent (e.g. a carrier already answered). */
  reply: string | null;
  messageId?: string;
  userId?: number;
}

/** What the pipeline knows once the inbound message is safely stored. */
export interface InboundContext {
  em: EntityManager;
  user: User;
  conversation: ConversationState;
  inbound: ConversationMessage;
  message: InboundMessage;
  logger: Logger;
}

/** What an interceptor may decide with: the stored message's id and a forked manager (in the message's transaction, when one is open). */
export interface ClaimContext {
  em: EntityManager;
  inboundId: string;
}

/**
 * Takes a message before understanding (opt-out keywords, media, flood limits).
 * `claims` is a cheap check made once the message is stored, in list order; `run` does the work in the processing transaction.
 */
export interface Interceptor {
  name: string;
  claims(message: InboundMessage, user: User, context: ClaimContext): boolean | Promise<boolean>;
  run(ctx: InboundContext): Promise<{ reply: string | null; toolOutput?: unknown }>;
}
