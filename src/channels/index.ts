import { consoleChannel } from './console/console.channel.js';
import { smsChannel } from './sms/sms.channel.js';
import { telegramChannel } from './telegram/telegram.channel.js';
import type { Channel, ChannelDeps, ChannelFactory } from './types.js';

/** The channel registry: one line per channel. */
export const channelFactories: ChannelFactory[] = [consoleChannel, smsChannel, telegramChannel];

export function createChannels(deps: ChannelDeps, factories: ChannelFactory[] = channelFactories): Channel[] {
  return factories.map((f) => f.create(deps)).filter((c): c is Channel => c !== null);
}
