import type { ChannelFactory } from '../types.js';

/** The local chat's channel; outbound notifications for console users are only logged. */
export const consoleChannel: ChannelFactory<'console', null> = {
  id: 'console',
  local: true,
  create: ({ logger }) => ({
    id: 'console',
    textLimit: 10_000,
    send: async (to, text) => {
      logger.info('console message', { to, chars: text.length });
      return {};
    },
  }),
};
