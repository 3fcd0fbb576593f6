import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { sqlOf, type Sql } from '../db/sql.js';
import { type ConversationState, User } from '../entities/index.js';
import { conversationFromJson, userFromJson, type ConversationJson, type UserJson } from './rows.js';
import type { InboundMessage } from './types.js';

export interface RecordSettings {
  defaultTimezone: string;
  conversationIdleMinutes: number;
}

export type Recorded =
  | { kind: 'new'; user: User; conversation: ConversationState; inboundId: string }
  | { kind: 'duplicate' };

/**
 * Records the inbound message: user, channel, conversation and message in one statement. Run on its own
 * (autocommit) it is stored before any understanding, so nothing that arrived is lost; run as the first statement
 * of the rules path's single transaction it takes the user's and conversation's row locks for the rest of it. A redelivered providerMessageId fails the unique index and writes nothing (inside a
 * transaction, the transaction is then aborted): the caller finds the stored message with `storedDelivery`.
 */
export async function recordInbound(sql: Sql, msg: InboundMessage, phone: string, settings: RecordSettings, status: 'received' | 'processed' = 'received'): Promise<Recorded> {
  let row: { user: UserJson; conversation: ConversationJson; message_id: string } | undefined;
  try {
    [row] = await sql(RECORD_SQL, [
      phone,
      settings.defaultTimezone,
      msg.channel,
      msg.externalId ?? null,
      msg.receivedAt,
      new Date(msg.receivedAt.getTime() - settings.conversationIdleMinutes * 60_000),
      randomUUID(),
      msg.text,
      msg.messageType ?? 'text',
      msg.providerMessageId ?? null,
      msg.metadata ? JSON.stringify(msg.metadata) : null,
      status,
    ]);
  } catch (err) {
    if (!(isUniqueViolation(err) && msg.providerMessageId)) throw err;
    return { kind: 'duplicate' };
  }
  const user = userFromJson(row!.user);
  return { kind: 'new', user, conversation: conversationFromJson(row!.conversation, user), inboundId: String(row!.message_id) };
}

/** The stored message a redelivery collided with (visible: the violation is raised once the other insert committed). */
export async function storedDelivery(sql: Sql, channel: string, providerMessageId: string): Promise<{ id: string } | undefined> {
  const [row] = await sql<{ id: string }>(`select id::text as id from conversation_messages where channel = $1 and provider_message_id = $2`, [channel, providerMessageId]);
  return row;
}

/** Raw statements surface the driver's error (SQLSTATE 23505) rather than the ORM's exception class. */
function isUniqueViolation(err: unknown): boolean {
  return err instanceof UniqueConstraintViolationException || (err as { code?: string } | null)?.code === '23505';
}

/** $1 phone number, $2 time zone for a new user; returns the row, locked (ON CONFLICT DO UPDATE). */
const UPSERT_USER_SQL = `insert into users (phone_number, timezone) values ($1, $2)
  on conflict (phone_number) do update set phone_number = excluded.phone_number
  returning *`;

/**
 * The user upsert comes first and takes the user's row lock (ON CONFLICT DO UPDATE), the same lock the
 * processing transaction takes first, so one user's messages take turns. A conversation continues while its
 * last message is within the idle window; otherwise a new one starts.
 */
export const RECORD_SQL = `
with u as (${UPSERT_USER_SQL}), args as (
  select $3::text as channel, $4::text as external_id, $5::timestamptz as at, $6::timestamptz as idle_since, $7::text as new_id,
         $8::text as content, $9::text as message_type, $10::text as provider_message_id, $11::jsonb as metadata
), ch as (
  insert into user_channels (user_id, channel, external_id, active, last_seen_at)
  select u.id, args.channel, coalesce(args.external_id, u.phone_number), true, args.at from u, args
  on conflict (channel, external_id) do update set user_id = excluded.user_id, active = true, last_seen_at = excluded.last_seen_at
), cur as (
  select cs.conversation_id from conversation_states cs, u, args
   where cs.user_id = u.id and cs.channel = args.channel and cs.updated_at >= args.idle_since
   order by cs.updated_at desc limit 1
), conv as (
  insert into conversation_states (conversation_id, user_id, channel, user_input, step_count, created_at, updated_at)
  select coalesce((select conversation_id from cur), args.new_id), u.id, args.channel, args.content, 1, args.at, args.at from u, args
  on conflict (conversation_id) do update
     set step_count = conversation_states.step_count + 1, user_input = excluded.user_input, updated_at = excluded.updated_at
  returning *
), msg as (
  insert into conversation_messages (conversation_id, user_id, channel, role, content, message_type, provider_message_id, status, timestamp, metadata)
  select conv.conversation_id, conv.user_id, args.channel, 'user', args.content, args.message_type, args.provider_message_id, $12::text, args.at, args.metadata
    from conv, args
  returning id
)
select (select row_to_json(u) from u) as user, (select row_to_json(conv) from conv) as conversation, (select id::text from msg) as message_id`;

/**
 * One statement that creates the user or locks the existing row: the lock makes one user's messages
 * take turns (conversation state is never updated twice at once), and a plain select-for-update after
 * an insert-or-ignore can deadlock when the same new number writes in concurrently.
 */
export async function findOrCreateUser(tx: EntityManager, phone: string, timezone: string): Promise<User> {
  const [row] = await (await sqlOf(tx))(UPSERT_USER_SQL, [phone, timezone]);
  return tx.map(User, row!);
}
