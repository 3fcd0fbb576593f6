import type { MikroORM } from '@mikro-orm/postgresql';
import { Composer, type Context } from 'grammy';
import type { Contact } from 'grammy/types';
import { errorSummary } from '../../errors.js';
import { maskPhone, type Logger } from '../../logger.js';
import { enqueueOutbound } from '../../outbox/enqueue.js';
import type { OutboxDelivery } from '../../outbox/types.js';
import type { HandleInbound } from '../../pipeline/handle-inbound.js';
import { toE164 } from '../../phone.js';
import type { Clock } from '../../time.js';
import { PermanentSendError } from '../types.js';
import * as replies from './telegram.replies.js';
import type { ReplyMarkup, TelegramSender } from './telegram.sender.js';
import { findLink, linkChat, markChatInactive, unlinkChat, type ChatLink } from './telegram.store.js';

/** What one update carries through the features besides grammY's own context. */
export interface TelegramFlavor {
  log: Logger;
  link?: ChatLink | null;
  ignored?: boolean;
  /** Set by the error boundary. */
  failure?: string;
}
export type TelegramContext = Context & TelegramFlavor;

export interface FeatureDeps {
  orm: MikroORM;
  clock: Clock;
  handleInbound: HandleInbound;
  sender: TelegramSender;
  outbox: OutboxDelivery;
  defaultTimezone: string;
}

/** Each feature is a small middleware; the order is the order of the checks. */
export function createFeatures(deps: FeatureDeps): Composer<TelegramContext> {
  const c = new Composer<TelegramContext>();
  c.on('my_chat_member', async (ctx) => {
    if (ctx.myChatMember.new_chat_member.status === 'kicked') await markChatInactive(deps.orm, String(ctx.chat.id));
  });
  c.use(async (ctx, next) => {
    if (!ctx.message || ctx.chat?.type !== 'private' || !ctx.from) {
      ctx.ignored = true;
      return;
    }
    ctx.link = await findLink(deps.orm, String(ctx.chat.id));
    await next();
  });
  c.on('message:contact', (ctx) => shareContact(ctx, ctx.message.contact, deps));
  c.use(async (ctx, next) => {
    if (ctx.link) return next();
    await say(ctx, deps, replies.ASK_FOR_NUMBER, replies.shareNumberKeyboard());
  });
  c.command('unlink', async (ctx) => {
    await unlinkChat(deps.orm, String(ctx.chat.id));
    ctx.log.info('telegram chat unlinked', { phone: maskPhone(ctx.link?.phone) });
    await say(ctx, deps, replies.UNLINKED_REPLY, replies.removeKeyboard);
  });
  c.on('message:text', (ctx) => converse(ctx, ctx.message.text, deps));
  c.on('message', (ctx) => say(ctx, deps, replies.TEXT_ONLY_REPLY));
  return c;
}

/**
 * Only the sender's own contact, shared in their own private chat, counts: Telegram vouches for contact.user_id
 * only there, not for a typed card, a forwarded one (even their own) or one in a chat that is someone else's.
 */
async function shareContact(ctx: TelegramContext, contact: Contact, deps: FeatureDeps): Promise<void> {
  if (!isOwnContact(ctx, contact)) {
    ctx.log.warn('telegram contact refused: not the sender’s own');
    return say(ctx, deps, replies.FORGED_CONTACT, replies.shareNumberKeyboard());
  }
  const digits = contact.phone_number.replace(/[^\d+]/g, '');
  const phone = toE164(digits.startsWith('+') ? digits : `+${digits}`);
  if (!phone) return say(ctx, deps, replies.UNREADABLE_NUMBER, replies.shareNumberKeyboard());
  ctx.link = await linkChat(deps.orm, String(ctx.chat!.id), phone, deps.defaultTimezone, deps.clock.now());
  ctx.log.info('telegram chat linked', { phone: maskPhone(phone), userId: ctx.link.userId });
  await say(ctx, deps, replies.linkedReply(phone), replies.removeKeyboard);
}

/** Forwarded messages carry forward_origin (Bot API 7) or, from older servers, forward_date. */
function isOwnContact(ctx: TelegramContext, contact: Contact): boolean {
  const message = ctx.message!;
  const forwarded = 'forward_origin' in message || 'forward_date' in message;
  const sender = ctx.from!.id;
  return !forwarded && contact.user_id === sender && ctx.chat!.id === sender && ctx.chat!.type === 'private';
}

/** A linked chat's text goes through the same pipeline as SMS, as the same user. */
async function converse(ctx: TelegramContext, text: string, deps: FeatureDeps): Promise<void> {
  const mapped = replies.commandText(text);
  const result = await deps.handleInbound({
    channel: 'telegram',
    phone: ctx.link!.phone,
    externalId: String(ctx.chat!.id),
    text: mapped,
    providerMessageId: String(ctx.update.update_id),
    receivedAt: deps.clock.now(),
    metadata: mapped === text ? { telegramMessageId: ctx.message!.message_id } : { telegramMessageId: ctx.message!.message_id, command: text },
  });
  // A replayed update whose message the pipeline already has: its answer went (or goes) out already.
  if (!result.reply || result.outcome === 'duplicate' || result.outcome === 'in_progress') return;
  try {
    await deps.sender.send(String(ctx.chat!.id), result.reply);
  } catch (err) {
    if (err instanceof PermanentSendError) return void ctx.log.warn('telegram reply undeliverable', { error: err.message });
    await queueReply(ctx, deps, result.reply, result.userId ?? ctx.link!.userId, err);
  }
}

/** A computed reply that could not go out now (network, retries used up) is handed to the outbox, not lost. */
async function queueReply(ctx: TelegramContext, deps: FeatureDeps, body: string, userId: number, err: unknown): Promise<void> {
  ctx.log.warn('telegram reply failed, queued in the outbox', { error: errorSummary(err) });
  const id = await enqueueOutbound(deps.orm.em.fork(), {
    userId,
    body,
    kind: 'reply',
    channel: 'telegram',
    recipient: String(ctx.chat!.id),
    sourceType: 'telegram_update',
    sourceId: String(ctx.update.update_id),
    notBefore: deps.clock.now(),
  });
  if (id) await deps.outbox.deliver(id);
}

async function say(ctx: TelegramContext, deps: FeatureDeps, text: string, markup?: ReplyMarkup): Promise<void> {
  try {
    await deps.sender.send(String(ctx.chat!.id), text, markup);
  } catch (err) {
    if (!(err instanceof PermanentSendError)) throw err;
    ctx.log.warn('telegram reply undeliverable', { error: err.message });
  }
}
