import { GrammyError, HttpError, type Bot, type Transformer } from 'grammy';
import type { Logger } from '../../logger.js';
import type { ChannelHealth } from '../types.js';

/**
 * What /readyz reports for Telegram. `polling` and `webhook` are ready; `starting` (the bot is not identified yet),
 * `unreachable` (long polling, or start-up, cannot reach the Bot API), `rejected` (the token), `failed` and
 * `stopped` are not. In webhook mode an unreachable API after start-up only delays replies (they wait in the
 * outbox): Telegram still delivers updates, so the channel stays ready.
 */
export type TelegramState = 'starting' | 'polling' | 'webhook' | 'unreachable' | 'rejected' | 'failed' | 'stopped';
export type TelegramPhase = 'starting' | 'running' | 'rejected' | 'failed' | 'stopped';

export interface TelegramHealth {
  /** Installed on bot.api: sees the outcome of every Bot API call. */
  watch: Transformer;
  /** When the failing call will be tried again, for the warning: "in 4 s", "every 3 s". */
  setRetry(when: string): void;
  setPhase(phase: TelegramPhase): void;
  health(): ChannelHealth;
}

export interface HealthDeps {
  mode: 'polling' | 'webhook';
  apiRoot: string;
  logger: Logger;
}

/** Logs once when the Bot API stops answering (with when it is retried) and once when it answers again. */
export function createTelegramHealth(deps: HealthDeps): TelegramHealth {
  let phase: TelegramPhase = 'starting';
  let reachable: boolean | undefined;
  let retry = 'shortly';
  const mark = (now: boolean, method: string, reason?: string) => {
    const before = reachable;
    reachable = now;
    if (now === before || (now && before === undefined)) return;
    if (now) deps.logger.info(`Telegram Bot API at ${deps.apiRoot} answers again`);
    else deps.logger.warn(`Telegram Bot API at ${deps.apiRoot} is unreachable (${method}: ${reason}); retrying ${retry}`);
  };
  const watch: Transformer = async (prev, method, payload, signal) => {
    try {
      const res = await prev(method, payload, signal);
      if (!res.ok && res.error_code >= 500) mark(false, method, `HTTP ${res.error_code}`);
      else mark(true, method);
      return res;
    } catch (err) {
      if (!signal?.aborted && phase !== 'stopped') mark(false, method, networkReason(err));
      throw err;
    }
  };
  return {
    watch,
    setRetry: (when) => void (retry = when),
    setPhase: (next) => void (phase = next),
    health: () => {
      const state: TelegramState =
        phase === 'running'
          ? deps.mode === 'polling' && reachable === false ? 'unreachable' : deps.mode
          : phase === 'starting' && reachable === false ? 'unreachable' : phase;
      return { state, ready: state === deps.mode };
    },
  };
}

/** The network error's code only: the underlying message quotes the request URL, which holds the bot token. */
function networkReason(err: unknown): string {
  const inner = err instanceof HttpError ? (err.error as { code?: unknown; name?: unknown } | undefined) : undefined;
  return String(inner?.code ?? inner?.name ?? 'network error');
}

export interface RetryDelays {
  firstMs: number;
  maxMs: number;
}

/**
 * Identifies the bot (getMe) until Telegram answers, with our own bounded backoff: grammY's own start-up retries
 * back off silently up to 20 minutes. A rejected token is not retried.
 */
export async function identifyBot(bot: Bot<any>, health: TelegramHealth, delays: RetryDelays, signal: AbortSignal): Promise<void> {
  for (let delay = delays.firstMs; !bot.isInited(); delay = Math.min(delay * 2, delays.maxMs)) {
    health.setRetry(`in ${formatSeconds(delay)}, backing off to ${formatSeconds(delays.maxMs)}`);
    try {
      bot.botInfo = await bot.api.getMe(signal as Parameters<typeof bot.api.getMe>[0]);
    } catch (err) {
      if (signal.aborted || !worthRetrying(err)) throw err;
      await sleep(delay, signal);
      if (signal.aborted) return;
    }
  }
}

function worthRetrying(err: unknown): boolean {
  return err instanceof HttpError || (err instanceof GrammyError && (err.error_code >= 500 || err.error_code === 429));
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
