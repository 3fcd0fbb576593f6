import type { MikroORM } from '@mikro-orm/postgresql';
import type { Router } from 'express';
import type { Config, CoreConfig } from '../config.js';
import type { Env } from '../config-env.js';
import type { ChannelId } from './index.js';
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
  logger: Logger;
  orm: MikroORM;
  clock: Clock;
  handleInbound: HandleInbound;
  inFlight: InFlight;
  /** For replies that were not ready in time to go back inline: enqueue with enqueueOutbound, then deliver. */
  outbox: OutboxDelivery;
}

/**
 * A channel folder exports one of these, and the registry (index.ts) lists it. Its module stays light (no SDK):
 * the entities read the channel ids and the config reads the settings from the registry.
 */
export interface ChannelFactory<Id extends string = ChannelId, Settings = unknown> {
  id: Id;
  /**
   * How the channel addresses a person: by phone number, or by the id the channel knows them by
   * (user_channels.external_id, e.g. a Telegram chat). Default 'phone'.
   */
  address?: 'phone' | 'external';
  /** Reaches anyone by phone number: tried when none of the channels the person uses can reach them. */
  fallback?: boolean;
  /** Nobody reads it but the operator (the local terminal): tried after the channels people read. */
  local?: boolean;
  /** The channel's settings from the environment, read once with the rest of Config; null when it is not configured. */
  settings?(env: Env, core: CoreConfig): Settings | null;
  /** Null when the channel is not configured; may load its SDK first. */
  create(deps: ChannelDeps, settings: Settings | null): Channel | null | Promise<Channel | null>;
  /** Channel rules run before understanding (opt-out keywords, media); each checks the message's channel itself. */
  interceptors?: Interceptor[];
}
