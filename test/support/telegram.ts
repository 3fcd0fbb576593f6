import { consoleChannel } from '../../src/channels/console/console.channel.js';
import { createTelegramChannel } from '../../src/channels/telegram/telegram.adapter.js';
import type { TelegramConfig } from '../../src/channels/telegram/telegram.config.js';
import type { BotOptions } from '../../src/channels/telegram/telegram.bot.js';
import type { ChannelDeps, ChannelFactory } from '../../src/channels/types.js';
import { createErrand, type Errand } from '../../src/errand.js';
import type { Logger } from '../../src/logger.js';
import type { InFlight } from '../../src/pipeline/in-flight.js';
import { fixedClock } from '../../src/time.js';
import type { ToolModule } from '../../src/tools/types.js';
import { testDb } from './db.js';
import { startFakeTelegram, type Failure, type FakeTelegram } from './fake-telegram.js';
import { silentLogger, testConfig } from './fixtures.js';

export const SECRET = 'test-webhook-secret-0123456789';
export const ADA = { id: 777000111, is_bot: false, first_name: 'Ada', username: 'ada', language_code: 'en' };
export const MALLORY = { id: 666000222, is_bot: false, first_name: 'Mallory', language_code: 'en' };
const DATE = 1795442400;

/** Fast per-chat spacing for tests; production keeps the plugin's 1 message/s per chat. */
export const TEST_BOT_OPTIONS: BotOptions = { throttle: { out: { maxConcurrent: 1, minTime: 5 } } };

export interface TelegramHarness {
  fake: FakeTelegram;
  errand: Errand;
  url: string;
  /** The service's clock: starts at 2026-11-23T14:00:00Z. */
  clock: ReturnType<typeof fixedClock>;
  /** POSTs an update to /webhooks/telegram with the secret header (or the one given, or none with null). */
  post(update: object, secret?: string | null): Promise<Response>;
  /** POSTs a body exactly as given, with the secret header. */
  postRaw(body: string, contentType?: string): Promise<Response>;
  /** Waits until every update handed to the background has been processed. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  mode: 'webhook' | 'polling';
  modules?: ToolModule[];
  wrapDeps?: (deps: ChannelDeps) => ChannelDeps;
  botOptions?: BotOptions;
  /** Scripted failures the fake answers before the service starts (e.g. getMe → 500). */
  failFirst?: Record<string, Failure[]>;
  logger?: Logger;
  /** Use this fake instead of a new one (closed with the harness). */
  fake?: FakeTelegram;
  /** Reach the Bot API here instead of the fake's own address (a proxy in front of it). */
  apiRoot?: string;
}

export async function startTelegramErrand(opts: HarnessOptions): Promise<TelegramHarness> {
  const fake = opts.fake ?? (await startFakeTelegram());
  for (const [method, failures] of Object.entries(opts.failFirst ?? {})) fake.failNext(method, ...failures);
  let inFlight: InFlight | undefined;
  const telegram: ChannelFactory<'telegram', TelegramConfig> = {
    id: 'telegram',
    create: (deps, settings) => {
      inFlight = deps.inFlight;
      return createTelegramChannel(opts.wrapDeps ? opts.wrapDeps(deps) : deps, settings, opts.botOptions ?? TEST_BOT_OPTIONS);
    },
  };
  const webhook = opts.mode === 'webhook';
  const clock = fixedClock('2026-11-23T14:00:00Z');
  const errand = await createErrand({
    config: testConfig({
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: opts.apiRoot ?? fake.apiRoot,
      ...(webhook ? { PUBLIC_BASE_URL: 'https://errand.example.com', TELEGRAM_WEBHOOK_SECRET: SECRET } : {}),
    }),
    logger: opts.logger ?? silentLogger,
    db: testDb(),
    clock,
    modules: opts.modules,
    channels: [consoleChannel, telegram],
  });
  const url = await errand.listen();
  return {
    fake,
    errand,
    url,
    clock,
    post: (update, secret = SECRET) =>
      fetch(`${url}/webhooks/telegram`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secret === null ? {} : { 'x-telegram-bot-api-secret-token': secret }) },
        body: JSON.stringify(update),
      }),
    postRaw: (body, contentType = 'application/json') =>
      fetch(`${url}/webhooks/telegram`, { method: 'POST', headers: { 'content-type': contentType, 'x-telegram-bot-api-secret-token': SECRET }, body }),
    settle: async () => {
      if (!(await inFlight!.drain(10_000))) throw new Error('telegram work did not settle');
    },
    close: async () => {
      await errand.stop();
      await fake.close();
    },
  };
}

type From = typeof ADA | typeof MALLORY;

export function textUpdate(updateId: number, text: string, from: From = ADA): object {
  const command = /^\/\w+(@\w+)?/.exec(text);
  return {
    update_id: updateId,
    message: {
      message_id: updateId, from, chat: chatOf(from), date: DATE, text,
      ...(command ? { entities: [{ offset: 0, length: command[0].length, type: 'bot_command' }] } : {}),
    },
  };
}

export function contactUpdate(updateId: number, contact: { phone_number: string; user_id?: number }, from: From = ADA): object {
  return {
    update_id: updateId,
    message: { message_id: updateId, from, chat: chatOf(from), date: DATE, contact: { first_name: from.first_name, ...contact } },
  };
}

export function stickerUpdate(updateId: number, from: From = ADA): object {
  const sticker = { file_id: 'CAACAgIAAxkBAAIBY2', file_unique_id: 'AgADxQ', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false, emoji: '👍' };
  return { update_id: updateId, message: { message_id: updateId, from, chat: chatOf(from), date: DATE, sticker } };
}

export function locationUpdate(updateId: number, from: From = ADA): object {
  return { update_id: updateId, message: { message_id: updateId, from, chat: chatOf(from), date: DATE, location: { latitude: 51.5007, longitude: -0.1246 } } };
}

export function blockedUpdate(updateId: number, from: From = ADA): object {
  const bot = { id: 123456789, is_bot: true, first_name: 'Errand', username: 'errand_test_bot' };
  return {
    update_id: updateId,
    my_chat_member: {
      chat: chatOf(from), from, date: DATE,
      old_chat_member: { user: bot, status: 'member' },
      new_chat_member: { user: bot, status: 'kicked', until_date: 0 },
    },
  };
}

function chatOf(from: From) {
  return { id: from.id, first_name: from.first_name, ...('username' in from ? { username: from.username } : {}), type: 'private' };
}
