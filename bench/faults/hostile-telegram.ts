import type { FakeTelegram } from '../../test/support/fake-telegram.js';
import { withClient } from '../lib/pgstat.js';
import { hostileText, type RawRequest } from './hostile.js';

type Random = () => number;
const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Random, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

export const TELEGRAM_PATH = '/webhooks/telegram';
export const TELEGRAM_SECRET = 'b3nch-telegram-webhook-secret-000';
/** Chats linked to a number before the fuzz, so that their hostile texts run through the pipeline. */
export const LINKED_CHATS = Array.from({ length: 50 }, (_, i) => 900_000_001 + i);
const DATE = 1795442400;

const JSON_TYPE = { 'content-type': 'application/json' };
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

const person = (id: number) => ({ id, is_bot: false, first_name: `Fuzz ${id}` });
const chat = (id: unknown) => ({ id, first_name: 'Fuzz', type: 'private' });
const message = <T extends object>(updateId: number, chatId: number, extra: T) => ({
  message_id: updateId, from: person(chatId), chat: chat(chatId), date: DATE, ...extra,
});

export const contactUpdate = (updateId: number, chatId: number, phone: string) => ({
  update_id: updateId,
  message: message(updateId, chatId, { contact: { phone_number: phone, first_name: 'Fuzz', user_id: chatId } }),
});

const UNHANDLED = (id: number, from: number, text: object) => [
  { update_id: id, edited_message: text },
  { update_id: id, callback_query: { id: '1', from: person(from), chat_instance: '1', message: { chat: { id: 'abc' } } } },
  { update_id: id },
];
const BAD_UPDATE_IDS = [
  '"update_id":"abc"', '"update_id":9223372036854775807', '"update_id":18446744073709551616', '"update_id":1.5', '"update_id":-1', '"x":0',
];
const NOT_UPDATES = ['{}', '[1,2,3]', 'null', '42', '"update"', 'true', '[]'];
const FORWARDED = { forward_origin: { type: 'hidden_user', date: DATE, sender_user_name: 'x' } };

export type TelegramRequest = RawRequest & { expected: number };

/** One Telegram webhook request, with the right secret unless the case is about the secret, and the status it must get. */
export function telegramRequest(r: Random, nextUpdateId: () => number): TelegramRequest {
  const id = nextUpdateId();
  const from = pick(r, LINKED_CHATS);
  const text = message(id, from, { text: hostileText(r) });
  const send = (kind: string, expected: number, body: string, headers: Record<string, string> = JSON_TYPE, secret = TELEGRAM_SECRET) => {
    const withSecret = { ...headers, 'x-telegram-bot-api-secret-token': secret };
    return { kind: `tg-${kind}`, expected, method: 'POST', path: TELEGRAM_PATH, headers: withSecret, body };
  };
  const update = (kind: string, expected: number, value: object) => send(kind, expected, JSON.stringify(value));
  const valid = JSON.stringify({ update_id: id, message: text });
  switch (int(r, 0, 15)) {
    case 0: case 1: case 2: case 3: return send('hostile-text', 200, valid);
    case 4: {
      const odd = { ...text, text: `a\u0000b\ud800 ${text.text}`, 'k\u0000': 1 };
      return update('nul-and-lone-surrogate', 200, { update_id: id, message: odd });
    }
    case 5: return update('unhandled-kind', 200, pick(r, UNHANDLED(id, from, text)));
    case 6: {
      const forwarded = { ...contactUpdate(id, from, '+15550001111').message, ...FORWARDED };
      return update('forwarded-contact', 200, { update_id: id, message: forwarded });
    }
    case 7: return update('bad-chat-id', 400, { update_id: id, message: { ...text, chat: chat(pick(r, ['abc', 1e23, 1.5, null, {}])) } });
    case 8: return send('bad-update-id', 400, valid.replace(`"update_id":${id}`, pick(r, BAD_UPDATE_IDS)));
    case 9: return update('text-not-a-string', 400, { update_id: id, message: { ...text, text: pick(r, [{ a: 1 }, ['x'], 42, true]) } });
    case 10: return send('not-an-update', 400, pick(r, NOT_UPDATES));
    case 11: return send('text-plain', 415, valid, { 'content-type': 'text/plain' });
    case 12: return send('json-deep', 400, pick(r, [deep(5000), valid.replace(/}$/, `,"x":${deep(5000)}}`)]));
    case 13: return send('wrong-secret', 401, valid, JSON_TYPE, pick(r, ['', 'wrong-secret-0000000000000000']));
    case 14: return send('broken-json', 400, `{"update_id": ${id}, "message": ${hostileText(r).slice(0, 40)}`);
    default: return update('one-megabyte-json', 413, { update_id: id, message: { ...text, text: 'z'.repeat(1 << 20) } });
  }
}

/** What to give the server so that its Telegram channel runs in webhook mode against the fake Bot API. */
export const telegramEnv = (fake: FakeTelegram) => ({
  TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
});

/** Links every chat of LINKED_CHATS to its own number and waits for the "linked" replies. */
export async function linkChats(url: string, fake: FakeTelegram, nextUpdateId: () => number): Promise<void> {
  for (const [i, chatId] of LINKED_CHATS.entries()) {
    const res = await fetch(`${url}${TELEGRAM_PATH}`, {
      method: 'POST',
      headers: { ...JSON_TYPE, 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET },
      body: JSON.stringify(contactUpdate(nextUpdateId(), chatId, `+1555800${String(i).padStart(4, '0')}`)),
    });
    if (res.status !== 200) throw new Error(`linking chat ${chatId} answered ${res.status}`);
  }
  await fake.waitFor(() => fake.sent().filter((c) => /linked/.test(String(c.payload.text))).length === LINKED_CHATS.length, 60_000);
}

export interface TelegramOutcome {
  updates: Record<string, number>;
  /** Updates a handler failed on for a reason of its own: what hostile input must never cause. */
  handlerFailures: number;
  /** Updates failed because a reply could not reach the (loopback, overloaded) Bot API: reported, not input's doing. */
  sendFailures: number;
  replies: number;
}

/**
 * After the run: the stored updates by status, and why the failed ones failed (given-up replays aside: an update
 * still queued behind throttled replies when the run ends is not a failure), and the replies sent.
 */
export async function telegramOutcome(dbUrl: string, fake: FakeTelegram): Promise<TelegramOutcome> {
  return withClient(dbUrl, async (c) => {
    const { rows } = await c.query<{ status: string; n: number; send: number; handler: number }>(
      `select status, count(*)::int as n,
              count(*) filter (where failed and sending)::int as send,
              count(*) filter (where failed and not sending and error not like 'not finished after %')::int as handler
         from (select status, error, status = 'failed' as failed, coalesce(error like 'HttpError: Network request%', false) as sending
                 from telegram_updates) u
        group by status`,
    );
    const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((total, r) => total + pick(r), 0);
    const updates = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    return { updates, handlerFailures: sum((r) => r.handler), sendFailures: sum((r) => r.send), replies: fake.sent().length };
  });
}
