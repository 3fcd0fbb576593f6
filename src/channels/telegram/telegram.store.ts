import type { MikroORM } from '@mikro-orm/postgresql';
import { sqlAutocommit } from '../../db/sql.js';
import { UserChannel } from '../../entities/index.js';
import { findOrCreateUser } from '../../pipeline/record-inbound.js';

export type UpdateStatus = 'processed' | 'failed' | 'ignored';

export interface ChatLink {
  userId: number;
  phone: string;
}

/**
 * Inserts the update before anything else happens; false when this update_id was already stored
 * (Telegram redelivered it), in which case nothing may run again.
 */
export async function storeUpdate(
  orm: MikroORM,
  row: { updateId: number; chatId: number | null; kind: string; payload: unknown; receivedAt: Date },
): Promise<boolean> {
  const inserted: unknown[] = await orm.em.getConnection().execute(
    `insert into telegram_updates (update_id, chat_id, kind, payload, received_at) values (?, ?, ?, ?, ?)
     on conflict (update_id) do nothing returning update_id`,
    [row.updateId, row.chatId, row.kind, JSON.stringify(row.payload), row.receivedAt],
  );
  return inserted.length === 1;
}

export interface StoredUpdate {
  updateId: number;
  /** As stored: rows written before the webhook checked updates may hold anything. */
  payload: unknown;
}

/**
 * Claims updates stored before `before` and never finished (the process died between storing and answering
 * them). Moving received_at to `now` is the claim: another instance sweeping at the same time skips them.
 * Each claim is counted, and an update already claimed `maxReplays` times is left to `giveUpStrandedUpdates`.
 */
export async function claimStrandedUpdates(orm: MikroORM, before: Date, now: Date, maxReplays: number, limit = 50): Promise<StoredUpdate[]> {
  const rows: { update_id: string; payload: unknown }[] = await orm.em.getConnection().execute(
    `update telegram_updates set received_at = ?, replays = replays + 1 where update_id in (
       select update_id from telegram_updates where status = 'received' and received_at < ? and replays < ?
        order by update_id limit ? for update skip locked)
     returning update_id::text, payload`,
    [now, before, maxReplays, limit],
  );
  return rows.map((r) => ({ updateId: Number(r.update_id), payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload }));
}

/** Stranded updates that `maxReplays` replays did not finish are marked failed rather than run on every sweep. */
export async function giveUpStrandedUpdates(orm: MikroORM, before: Date, now: Date, maxReplays: number): Promise<number[]> {
  const rows: { update_id: string }[] = await orm.em.getConnection().execute(
    `update telegram_updates set status = 'failed', processed_at = ?, error = ?
      where status = 'received' and received_at < ? and replays >= ? returning update_id::text`,
    [now, `not finished after ${maxReplays} replays`, before, maxReplays],
  );
  return rows.map((r) => Number(r.update_id));
}

export async function finishUpdate(orm: MikroORM, updateId: number, status: UpdateStatus, at: Date, error?: string): Promise<void> {
  await orm.em.getConnection().execute(
    `update telegram_updates set status = ?, processed_at = ?, error = ? where update_id = ?`,
    [status, at, error ?? null, updateId],
  );
}

/** Read for every update: one raw statement rather than an entity fork with a populated user. */
export async function findLink(orm: MikroORM, chatId: string): Promise<ChatLink | null> {
  const [row] = await sqlAutocommit(orm.em)<ChatLink>(
    `select u.id as "userId", u.phone_number as phone from user_channels c join users u on u.id = c.user_id
      where c.channel = 'telegram' and c.external_id = $1`,
    [chatId],
  );
  return row ?? null;
}

/** Finds or creates the user owning `phone` (the same upsert the pipeline uses) and points this chat at them. */
export async function linkChat(orm: MikroORM, chatId: string, phone: string, defaultTimezone: string, at: Date): Promise<ChatLink> {
  return orm.em.fork().transactional(async (tx) => {
    const user = await findOrCreateUser(tx, phone, defaultTimezone);
    await tx
      .createQueryBuilder(UserChannel)
      .insert({ user: user.id, channel: 'telegram', externalId: chatId, active: true, lastSeenAt: at, createdAt: at })
      .onConflict(['channel', 'external_id'])
      .merge(['user', 'active', 'lastSeenAt'])
      .execute();
    return { userId: user.id, phone: user.phoneNumber };
  });
}

export async function unlinkChat(orm: MikroORM, chatId: string): Promise<boolean> {
  const removed = await orm.em.fork().nativeDelete(UserChannel, { channel: 'telegram', externalId: chatId });
  return removed > 0;
}

/** The user blocked the bot or the chat is gone: notifications stop going there until they write again. */
export async function markChatInactive(orm: MikroORM, chatId: string): Promise<void> {
  await orm.em.fork().nativeUpdate(UserChannel, { channel: 'telegram', externalId: chatId }, { active: false });
}
