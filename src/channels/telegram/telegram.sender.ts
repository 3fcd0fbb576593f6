import type { MikroORM } from '@mikro-orm/postgresql';
import { GrammyError, type Api } from 'grammy';
import type { ReplyKeyboardMarkup, ReplyKeyboardRemove } from 'grammy/types';
import type { Logger } from '../../logger.js';
import { PermanentSendError, type SendResult } from '../types.js';
import { splitText } from './telegram.split.js';
import { markChatInactive } from './telegram.store.js';

export type ReplyMarkup = ReplyKeyboardMarkup | ReplyKeyboardRemove;

export interface TelegramSender {
  /** Sends plain text (no parse_mode, so nothing needs escaping), split at 4096 characters; markup goes on the last part. */
  send(chatId: string, text: string, markup?: ReplyMarkup): Promise<SendResult>;
}

export interface SenderDeps {
  api: Api;
  orm: MikroORM;
  logger: Logger;
}

/** The chat is gone for good: the user blocked the bot, deleted their account, or the id never existed. */
const GONE = /blocked by the user|user is deactivated|chat not found|user not found|bot was kicked|PEER_ID_INVALID/i;

/** Rate limits and 5xx are retried by the auto-retry plugin underneath; what reaches here has run out of retries. */
export function createTelegramSender({ api, orm, logger }: SenderDeps): TelegramSender {
  return {
    async send(chatId, text, markup) {
      const parts = splitText(text);
      let lastId: number | undefined;
      for (const [i, part] of parts.entries()) {
        const last = i === parts.length - 1;
        try {
          const sent = await api.sendMessage(chatId, part, {
            link_preview_options: { is_disabled: true },
            ...(last && markup ? { reply_markup: markup } : {}),
          });
          lastId = sent.message_id;
        } catch (err) {
          throw await classify(err, chatId, { orm, logger });
        }
      }
      return { providerMessageId: lastId === undefined ? undefined : String(lastId), segments: parts.length };
    },
  };
}

async function classify(err: unknown, chatId: string, deps: Pick<SenderDeps, 'orm' | 'logger'>): Promise<unknown> {
  if (!(err instanceof GrammyError)) return err;
  const gone = err.error_code === 403 || (err.error_code === 400 && GONE.test(err.description));
  if (gone) {
    deps.logger.warn('telegram chat unreachable, marking the channel inactive', { chatId, code: err.error_code, description: err.description });
    await markChatInactive(deps.orm, chatId);
    return new PermanentSendError(`Telegram: ${err.description}`, err.error_code);
  }
  // Any other 4xx (bad request) fails the same way every time.
  if (err.error_code >= 400 && err.error_code < 500 && err.error_code !== 429) {
    return new PermanentSendError(`Telegram: ${err.description}`, err.error_code);
  }
  return err;
}
