import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from './sql.js';

/** A row as `row_to_json` gives it (column names; instants as ISO text): what `em.map` takes. */
export type RowJson = Record<string, unknown>;

export interface InboundRecord {
  phone: string;
  /** For a new user. */
  timezone: string;
  channel: string;
  /** The channel's own identity for the sender; null: the phone number. */
  externalId: string | null;
  at: Date;
  /** A conversation whose last message is older than this is over: a new one starts. */
  idleSince: Date;
  /** The id a new conversation gets. */
  newConversationId: string;
  content: string;
  messageType: string;
  providerMessageId: string | null;
  metadata: Record<string, unknown> | null;
  status: 'received' | 'processed';
}

export interface RecordedRows {
  user: RowJson;
  conversation: RowJson;
  messageId: string;
}

/** Creates the user or locks the existing row (ON CONFLICT DO UPDATE), returning it. */
const UPSERT_USER_SQL = `insert into users (phone_number, timezone) values (?, ?)
  on conflict (phone_number) do update set phone_number = excluded.phone_number
  returning *`;

/**
 * User, channel, conversation and message in one statement — the ORM would need four, with a lock dance around
 * them. The user upsert comes first and takes the user's row lock, the same lock the processing transaction takes
 * first, so one user's messages take turns. A conversation continues while its last message is within the idle
 * window; otherwise a new one starts. A redelivered providerMessageId fails the unique index and writes nothing.
 */
export const RECORD_INBOUND_SQL = `
with u as (${UPSERT_USER_SQL}), args as (
  select ?::text as channel, ?::text as external_id, ?::timestamptz as at, ?::timestamptz as idle_since, ?::text as new_id,
         ?::text as content, ?::text as message_type, ?::text as provider_message_id, ?::jsonb as metadata, ?::text as status
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
  insert into conversation_messages
         (conversation_id, user_id, channel, role, content, message_type, provider_message_id, status, timestamp, metadata)
  select conv.conversation_id, conv.user_id, args.channel, 'user', args.content, args.message_type, args.provider_message_id,
         args.status, args.at, args.metadata
    from conv, args
  returning id
)
select (select row_to_json(u) from u) as user, (select row_to_json(conv) from conv) as conversation,
       (select id::text from msg) as "messageId"`;

/** Records one inbound message (see RECORD_INBOUND_SQL); throws the unique violation of a redelivery. */
export async function recordInboundRows(em: EntityManager, r: InboundRecord): Promise<RecordedRows> {
  const [row] = await query<RecordedRows>(em, RECORD_INBOUND_SQL, [
    r.phone,
    r.timezone,
    r.channel,
    r.externalId,
    r.at,
    r.idleSince,
    r.newConversationId,
    r.content,
    r.messageType,
    r.providerMessageId,
    r.metadata ? JSON.stringify(r.metadata) : null,
    r.status,
  ]);
  return row!;
}

/**
 * Creates the user or locks the existing row, in one statement: a plain select-for-update after an insert-or-ignore
 * can deadlock when the same new number writes in concurrently.
 */
export async function upsertUserLocked(em: EntityManager, phone: string, timezone: string): Promise<RowJson> {
  const [row] = await query<RowJson>(em, UPSERT_USER_SQL, [phone, timezone]);
  return row!;
}
