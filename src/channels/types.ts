import type { MikroORM } from '@mikro-orm/postgresql';
import type { Router } from 'express';
import type { Config } from '../config.js';
import type { ChannelId } from '../entities/user-channel.entity.js';
import type { Logger } from '../logger.js';
import type { InFlight } from '../pipeline/in-flight.js';
import type { HandleInbound } from '../pipeline/handle-inbound.js';
import type { Clock } from '../time.js';
import type { Job } from '../scheduler/types.js';
import type { OutboxDelivery } from '../outbox/types.js';
import type { Interceptor } from '../pipeline/types.js';

export interface SendResult {
  providerMessageId?: string;
  segments?: number;
}

/**
 * Delivery failures that retrying will not fix. Scope 'channel' (bot blocked, chat not found) means this
 * channel cannot reach the person but another may; 'recipient' (opted out, invalid number) ends delivery.
 */
export class PermanentSendError extends Error {
  constructor(
    message: string,
    readonly code?: string | number,
    readonly scope: 'channel' | 'recipient' = 'recipient',
  ) {
    super(message);
    this.name = 'PermanentSendError';
  }
}

/** A channel's state for /readyz: `ready` when it can take in messages right now. */
export interface ChannelHealth {
  state: string;
  ready: boolean;
}

export interface Channel {
  id: ChannelId;
  /** Longest text one outbound message may carry; longer replies are split. */
  textLimit: number;
  router?: Router;
  send(to: string, text: string): Promise<SendResult>;
  start?(): Promise<void>;
  stop?(): Promise<void>;
  /** Scheduled work of the channel's own (e.g. replaying updates a crash left unanswered). */
  jobs?: Job[];
  /** For channels whose intake depends on more than this server answering (Telegram's long polling). */
  health?(): ChannelHealth;
}

export interface ChannelDeps {
  config: Config;
  env: Record<string, string | undefined>;
  logger: Logger;
  orm: MikroORM;
  clock: Clock;
  handleInbound: HandleInbound;
  inFlight: InFlight;
  /** For replies that were not ready in time to go back inline: enqueue with enqueueOutbound, then deliver. */
  outbox: OutboxDelivery;
}

/** A channel folder exports one of these; `create` returns null when the channel is not configured. */
export interface ChannelFactory {
  id: ChannelId;
  create(deps: ChannelDeps): Channel | null;
  /** Channel rules run before understanding (opt-out keywords, media); each checks the message's channel itself. */
  interceptors?: Interceptor[];
}
