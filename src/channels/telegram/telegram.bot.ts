import { autoRetry, type AutoRetryOptions } from '@grammyjs/auto-retry';
import { apiThrottler, type APIThrottlerOptions } from '@grammyjs/transformer-throttler';
import { Bot, Composer, type BotError } from 'grammy';
import type { Update } from 'grammy/types';
import { errorSummary } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { InFlight } from '../../pipeline/in-flight.js';
import { MAX_RECOVERY_ATTEMPTS } from '../../pipeline/recover-stranded.job.js';
import { SORRY_REPLY } from '../../pipeline/replies.js';
import type { TelegramConfig } from './telegram.config.js';
import type { RetryDelays } from './telegram.health.js';
import { createFeatures, type FeatureDeps, type TelegramContext } from './telegram.features.js';
import { createTelegramSender, type TelegramSender } from './telegram.sender.js';
import { claimStrandedUpdates, finishUpdate, giveUpStrandedUpdates, storeUpdate, type StoredUpdate } from './telegram.store.js';
import { parseUpdate, storableChatId } from './telegram.update.js';

export const ALLOWED_UPDATES = ['message', 'my_chat_member'] as const;

export interface BotOptions {
  /** Overrides for tests; production uses the plugins' defaults (30 messages/s overall, 1/s per chat). */
  throttle?: APIThrottlerOptions;
  retry?: Partial<AutoRetryOptions>;
  /** How start-up waits between attempts to reach the Bot API (default 1 s, doubling to 30 s). */
  startRetry?: RetryDelays;
}

export interface BotDeps extends Omit<FeatureDeps, 'sender'> {
  config: TelegramConfig;
  logger: Logger;
  inFlight: InFlight;
}

/** Bounded: a 429 is waited out up to 30 s, 5xx are retried three times, network errors go back to the caller. */
const RETRY: Partial<AutoRetryOptions> = { maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowHttpErrors: true };

export function createApiBot(config: TelegramConfig, options: BotOptions = {}): Bot<TelegramContext> {
  const bot = new Bot<TelegramContext>(config.token, { client: { apiRoot: config.apiRoot } });
  // The throttler is installed last so it wraps auto-retry: a retried request keeps its place in the chat's queue.
  bot.api.config.use(autoRetry({ ...RETRY, ...options.retry }));
  bot.api.config.use(apiThrottler(options.throttle));
  return bot;
}

/**
 * The intake: store the update (a redelivery stops here), then hand the work to the chat's queue and return,
 * so the webhook is answered at once however slow the reply is. The chat queue keeps one chat's updates in order.
 */
export interface TelegramBot {
  bot: Bot<TelegramContext>;
  sender: TelegramSender;
  /** Runs again updates that were stored but never finished (the process died in between). */
  replayStranded(storedBefore: Date, now: Date): Promise<number>;
}

export function createTelegramBot(deps: BotDeps, options: BotOptions = {}): TelegramBot {
  const bot = createApiBot(deps.config, options);
  const sender = createTelegramSender({ api: bot.api, orm: deps.orm, logger: deps.logger });
  const root = new Composer<TelegramContext>();
  root.errorBoundary((err) => answerFailure(err, sender), createFeatures({ ...deps, sender }));
  const process = root.middleware();
  const enqueue = createChatQueue();
  const replaying = new Set<number>();

  bot.use(async (ctx) => {
    const update = ctx.update;
    ctx.log = deps.logger.child({ updateId: update.update_id });
    const chatId = storableChatId(ctx.chat?.id);
    const fresh = await storeUpdate(deps.orm, { updateId: update.update_id, chatId, kind: updateKind(update), payload: update, receivedAt: deps.clock.now() });
    if (!fresh && !replaying.has(update.update_id)) return void ctx.log.info('telegram update already received, skipped');
    const work = async () => {
      try {
        await process(ctx, async () => {});
        const status = ctx.failure ? 'failed' : ctx.ignored ? 'ignored' : 'processed';
        await finishUpdate(deps.orm, update.update_id, status, deps.clock.now(), ctx.failure);
      } catch (err) {
        ctx.log.error('telegram update could not be finished', { error: errorSummary(err) });
      } finally {
        replaying.delete(update.update_id);
      }
    };
    void deps.inFlight.track(enqueue(String(chatId ?? 'none'), work));
  });
  // Long polling only: a webhook request that fails to store its update answers 500, so Telegram delivers it again.
  bot.catch((err) => deps.logger.error('telegram update could not be stored', { updateId: err.ctx.update.update_id, error: errorSummary(err.error) }));
  async function replayStranded(storedBefore: Date, now: Date): Promise<number> {
    if (!bot.isInited()) return 0;
    for (const updateId of await giveUpStrandedUpdates(deps.orm, storedBefore, now, MAX_RECOVERY_ATTEMPTS)) {
      deps.logger.warn('stranded telegram update given up: marked failed', { updateId, replays: MAX_RECOVERY_ATTEMPTS });
    }
    const stranded = await claimStrandedUpdates(deps.orm, storedBefore, now, MAX_RECOVERY_ATTEMPTS);
    for (const stored of stranded) await replay(stored, now);
    return stranded.length;
  }

  /** A row stored before the webhook checked updates may hold anything: such a row is failed, not run. */
  async function replay({ updateId, payload }: StoredUpdate, now: Date): Promise<void> {
    const parsed = parseUpdate(payload);
    if (!parsed.ok || parsed.update.update_id !== updateId) {
      deps.logger.warn('stranded telegram update is not a valid update: marked failed', { updateId, reason: parsed.ok ? 'another update_id' : parsed.reason });
      return finishUpdate(deps.orm, updateId, 'failed', now, 'stored payload is not a valid update');
    }
    deps.logger.info('replaying a stranded telegram update', { updateId });
    replaying.add(updateId); // removed by the intake once the replay's work is done
    await bot.handleUpdate(parsed.update).catch((err: unknown) => {
      replaying.delete(updateId);
      deps.logger.error('stranded telegram update could not be replayed', { updateId, error: errorSummary(err) });
    });
  }

  return { bot, sender, replayStranded };
}

/** The error boundary: log, tell the person, never crash the process. */
async function answerFailure(err: BotError<TelegramContext>, sender: TelegramSender): Promise<void> {
  const ctx = err.ctx;
  ctx.failure = errorSummary(err.error);
  ctx.log.error('telegram update failed', { error: err.error });
  if (!ctx.chat || ctx.chat.type !== 'private') return;
  await sender.send(String(ctx.chat.id), SORRY_REPLY).catch((sendErr: unknown) =>
    ctx.log.error('telegram apology could not be sent', { error: errorSummary(sendErr) }),
  );
}

/** Runs work one at a time per key, in arrival order; work must not throw. */
export function createChatQueue(): (key: string, work: () => Promise<void>) => Promise<void> {
  const tails = new Map<string, Promise<void>>();
  return (key, work) => {
    const next = (tails.get(key) ?? Promise.resolve()).then(work);
    tails.set(key, next);
    void next.then(() => {
      if (tails.get(key) === next) tails.delete(key);
    });
    return next;
  };
}

const MESSAGE_KINDS = [
  'contact', 'sticker', 'photo', 'voice', 'video', 'video_note', 'animation', 'audio', 'document', 'location', 'venue', 'poll', 'dice',
] as const;

export function updateKind(update: Update): string {
  const message = update.message;
  if (!message) return Object.keys(update).find((k) => k !== 'update_id') ?? 'unknown';
  if (message.text !== undefined) return message.text.startsWith('/') ? 'command' : 'text';
  return MESSAGE_KINDS.find((k) => k in message) ?? 'other';
}
