import { consoleChannel } from './console/console.channel.js';
import { smsChannel } from './sms/sms.channel.js';
import { telegramChannel } from './telegram/telegram.channel.js';
import type { Channel, ChannelDeps, ChannelFactory } from './types.js';
import type { CoreConfig } from '../config.js';
import { collectProblems, type Env } from '../config-env.js';

/**
 * The channel registry: one line per channel, and the only list of them. The ids (and the checks on every
 * channel column), the settings in Config, the outbox's fallback order and how a person is addressed come from here.
 * Its order is the order of the ids in those checks.
 */
export const channelFactories = [smsChannel, telegramChannel, consoleChannel] as const;

export type ChannelId = (typeof channelFactories)[number]['id'];

/** Each channel's settings in Config (null: the channel is off). */
export type ChannelSettings = {
  [F in (typeof channelFactories)[number] as F['id']]: F extends ChannelFactory<string, infer S> ? S | null : never;
};

/** Called lazily by the entities' checks: the registry may still be loading when they are declared. */
export function channelIds(): ChannelId[] {
  return channelFactories.map((f) => f.id);
}

function registered(id: string): (typeof channelFactories)[number] | undefined {
  return channelFactories.find((f) => f.id === id);
}

/** How `id` addresses a person: their phone number, or the id it knows them by (user_channels.external_id). */
export function addressOf(id: ChannelId): 'phone' | 'external' {
  return registered(id)?.address ?? 'phone';
}

/** Channels that reach anyone by phone number, tried in this order when the person's own channels cannot. */
export function fallbackChannelIds(): ChannelId[] {
  return channelFactories.filter((f) => f.fallback).map((f) => f.id);
}

/** Channels nobody but the operator reads (the terminal): sent to after the ones people read. */
export function isLocalChannel(id: ChannelId): boolean {
  return registered(id)?.local ?? false;
}

/** Every registered channel's settings, read from the environment once (by createConfig). */
export function parseChannelSettings(env: Env, core: CoreConfig): ChannelSettings {
  const settings = collectProblems(channelFactories.map((f) => () => f.settings?.(env, core) ?? null));
  return Object.fromEntries(channelFactories.map((f, i) => [f.id, settings[i]])) as ChannelSettings;
}

export async function createChannels(deps: ChannelDeps, factories: readonly ChannelFactory[] = channelFactories): Promise<Channel[]> {
  const settings = deps.config.channels as Partial<Record<string, unknown>>;
  const channels = await Promise.all(factories.map((f) => f.create(deps, settings[f.id] ?? null)));
  return channels.filter((c): c is Channel => c !== null);
}
