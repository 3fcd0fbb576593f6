import type { MikroORM } from '@mikro-orm/postgresql';
import { UserChannel } from '../../entities/index.js';
import type { ChannelLink } from '../../entities/user-channel.repository.js';
import { findOrCreateUser } from '../../pipeline/record-inbound.js';
import { TelegramUpdate } from './telegram-update.entity.js';
import type { NewUpdate, StoredUpdate, UpdateStatus } from './telegram-update.repository.js';

export type { StoredUpdate, UpdateStatus };
export type ChatLink = ChannelLink;

const updates = (orm: MikroORM) => orm.em.fork().getRepository(TelegramUpdate);
const links = (orm: MikroORM) => orm.em.fork().getRepository(UserChannel);

/**
 * Inserts the update before anything else happens; false when this update_id was already stored
 * (Telegram redelivered it), in which case nothing may run again.
 */
export function storeUpdate(orm: MikroORM, row: NewUpdate): Promise<boolean> {
  return updates(orm).store(row);
}

/**
 * Claims updates stored before `before` and never finished (the process died between storing and answering
 * them). Each claim is counted, and an update already claimed `maxReplays` times is left to `giveUpStrandedUpdates`.
 */
export function claimStrandedUpdates(orm: MikroORM, before: Date, now: Date, maxReplays: number, limit = 50): Promise<StoredUpdate[]> {
  return updates(orm).claimStranded({ before, now, maxReplays }, limit);
}

/** Stranded updates that `maxReplays` replays did not finish are marked failed rather than run on every sweep. */
export function giveUpStrandedUpdates(orm: MikroORM, before: Date, now: Date, maxReplays: number): Promise<number[]> {
  return updates(orm).giveUpStranded({ before, now, maxReplays });
}

export function finishUpdate(orm: MikroORM, updateId: number, status: UpdateStatus, at: Date, error?: string): Promise<void> {
  return updates(orm).finish(updateId, status, at, error);
}

export function findLink(orm: MikroORM, chatId: string): Promise<ChatLink | null> {
  return links(orm).findLink('telegram', chatId);
}

/** Finds or creates the user owning `phone` (the same upsert the pipeline uses) and points this chat at them. */
export async function linkChat(orm: MikroORM, chatId: string, phone: string, defaultTimezone: string, at: Date): Promise<ChatLink> {
  return orm.em.fork().transactional(async (tx) => {
    const user = await findOrCreateUser(tx, phone, defaultTimezone);
    await tx.getRepository(UserChannel).link(user.id, 'telegram', chatId, at);
    return { userId: user.id, phone: user.phoneNumber };
  });
}

export function unlinkChat(orm: MikroORM, chatId: string): Promise<boolean> {
  return links(orm).unlink('telegram', chatId);
}

/** The user blocked the bot or the chat is gone: notifications stop going there until they write again. */
export function markChatInactive(orm: MikroORM, chatId: string): Promise<void> {
  return links(orm).deactivate('telegram', chatId);
}
