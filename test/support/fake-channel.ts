import type { Channel, SendResult } from '../../src/channels/types.js';
import type { ChannelId } from '../../src/entities/user-channel.entity.js';

export interface FakeChannel extends Channel {
  sent: { to: string; text: string }[];
  /** Each queued behaviour is used once, then sends succeed. */
  failNext(...errors: Error[]): void;
}

/** An in-process channel for scheduler and dispatcher tests (the real SDKs are tested in their channel tests). */
export function fakeChannel(id: ChannelId): FakeChannel {
  const failures: Error[] = [];
  let counter = 0;
  const channel: FakeChannel = {
    id,
    textLimit: 1600,
    sent: [],
    failNext: (...errors) => failures.push(...errors),
    async send(to, text): Promise<SendResult> {
      const failure = failures.shift();
      if (failure) throw failure;
      channel.sent.push({ to, text });
      return { providerMessageId: `${id}-${++counter}`, segments: 1 };
    },
  };
  return channel;
}
