import { GrammyError, type Bot } from 'grammy';
import { errorSummary } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { Channel, ChannelDeps } from '../types.js';
import type { Job } from '../../scheduler/types.js';
import { STRANDED_AFTER_MS } from '../../pipeline/recover-stranded.job.js';
import { ALLOWED_UPDATES, createTelegramBot, type BotOptions } from './telegram.bot.js';
import type { TelegramConfig } from './telegram.config.js';
import type { TelegramContext } from './telegram.features.js';
import { createTelegramHealth, identifyBot, type RetryDelays, type TelegramHealth } from './telegram.health.js';
import { COMMANDS } from './telegram.replies.js';
import { TELEGRAM_TEXT_LIMIT } from './telegram.split.js';
import { telegramWebhookRouter } from './telegram.webhook.js';

type Lifecycle = Pick<Channel, 'router' | 'start' | 'stop'>;
/** grammY's Node build types signals with the abort-controller polyfill; node-fetch accepts the native one. */
type GrammySignal = NonNullable<Parameters<Bot['init']>[0]>;
const forGrammy = (signal: AbortSignal | undefined) => signal as unknown as GrammySignal | undefined;

/** The Telegram channel once configured: webhook mode with PUBLIC_BASE_URL, long polling without. */
export function createTelegramChannel(deps: ChannelDeps, config: TelegramConfig | null, options: BotOptions = {}): Channel | null {
  if (!config) return null;
  const logger = deps.logger.child({ channel: 'telegram' });
  const { bot, sender, replayStranded } = createTelegramBot(
    {
      config, logger, orm: deps.orm, clock: deps.clock, handleInbound: deps.handleInbound,
      inFlight: deps.inFlight, outbox: deps.outbox, defaultTimezone: deps.config.defaultTimezone,
    },
    options,
  );
  const health = createTelegramHealth({ mode: config.webhookUrl ? 'webhook' : 'polling', apiRoot: config.apiRoot, logger });
  bot.api.config.use(health.watch);
  const lifecycle = { bot, logger, health, delays: options.startRetry ?? START_RETRY };
  const mode = config.webhookUrl ? webhookMode(lifecycle, config) : pollingMode(lifecycle);
  const replayJob: Job = {
    name: 'telegram-replay-stranded-updates',
    run: ({ now }) => replayStranded(new Date(now.getTime() - STRANDED_AFTER_MS), now),
  };
  return {
    id: 'telegram',
    textLimit: TELEGRAM_TEXT_LIMIT,
    send: (to, text) => sender.send(to, text),
    jobs: [replayJob],
    health: health.health,
    ...mode,
  };
}

const START_RETRY: RetryDelays = { firstMs: 1000, maxMs: 30_000 };
/** grammY's long polling waits this long after a failed getUpdates. */
const POLL_RETRY = 'every 3 s';

interface LifecycleDeps {
  bot: Bot<TelegramContext>;
  logger: Logger;
  health: TelegramHealth;
  delays: RetryDelays;
}

/** Telegram POSTs each update; its secret and its shape are checked before anything is stored. */
function webhookMode({ bot, logger, health, delays }: LifecycleDeps, config: TelegramConfig): Lifecycle {
  const router = telegramWebhookRouter(bot, config.webhookSecret, logger);
  const abort = new AbortController();
  let startup: Promise<void> = Promise.resolve();
  return {
    router,
    // In the background: an unreachable Telegram must not keep the server (and SMS) from starting.
    start: async () => {
      startup = (async () => {
        await identifyBot(bot, health, delays, abort.signal);
        if (abort.signal.aborted) return;
        health.setPhase('running');
        health.setRetry('with the next reply (replies wait in the outbox)');
        await registerCommands(bot, logger, abort.signal);
        const info = await bot.api.getWebhookInfo(forGrammy(abort.signal));
        if (info.url !== config.webhookUrl) {
          logger.warn(`Telegram's webhook is ${info.url || 'not set'}, not ${config.webhookUrl}: run npm run telegram:webhook -- set`);
        }
      })().catch((err: unknown) => reportStartup(err, abort.signal, logger, health));
    },
    stop: async () => {
      health.setPhase('stopped');
      abort.abort();
      await startup;
    },
  };
}

/** Local development: grammY's own long polling, whose updates our intake hands to per-chat queues. */
function pollingMode({ bot, logger, health, delays }: LifecycleDeps): Lifecycle {
  const abort = new AbortController();
  let loop: Promise<void> = Promise.resolve();
  return {
    start: async () => {
      loop = (async () => {
        // Not bot.start()'s own getMe: it would back off silently for minutes and ignore our abort signal.
        await identifyBot(bot, health, delays, abort.signal);
        if (abort.signal.aborted) return;
        await bot.start({
          allowed_updates: [...ALLOWED_UPDATES],
          onStart: async (me) => {
            health.setPhase('running');
            health.setRetry(POLL_RETRY);
            logger.info(`Telegram long polling as @${me.username}`);
            await registerCommands(bot, logger, abort.signal);
          },
        });
      })().catch((err: unknown) => reportStartup(err, abort.signal, logger, health));
    },
    stop: async () => {
      health.setPhase('stopped');
      abort.abort();
      await bot.stop().catch((err: unknown) => logger.warn('telegram polling stopped uncleanly', { error: errorSummary(err) }));
      await loop;
    },
  };
}

export async function registerCommands(bot: Bot<TelegramContext>, logger: Logger, signal?: AbortSignal): Promise<void> {
  const commands = COMMANDS.map(({ command, description }) => ({ command, description }));
  await bot.api.setMyCommands(commands, undefined, forGrammy(signal)).catch((err: unknown) => {
    if (!signal?.aborted) logger.warn('telegram commands not registered', { error: errorSummary(err) });
  });
}

function reportStartup(err: unknown, signal: AbortSignal | undefined, logger: Logger, health: TelegramHealth): void {
  if (signal?.aborted) return;
  if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404)) {
    health.setPhase('rejected');
    logger.error('TELEGRAM_BOT_TOKEN was rejected by Telegram: the Telegram channel is not running', { error: err.description });
    return;
  }
  health.setPhase('failed');
  logger.error('telegram channel failed to start', { error: errorSummary(err) });
}
