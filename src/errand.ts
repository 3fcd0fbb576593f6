import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createChannels, channelFactories } from './channels/index.js';
import type { Channel, ChannelFactory } from './channels/types.js';
import type { Config } from './config.js';
import { initDb, type Database } from './db/init-db.js';
import { elapsed } from './elapsed.js';
import { createApp } from './http/create-app.js';
import type { Logger } from './logger.js';
import { createPipeline, type HandleInbound } from './pipeline/handle-inbound.js';
import { createStrandedRecovery } from './pipeline/recover-stranded.job.js';
import { createAnswerHeld } from './pipeline/answer-held.job.js';
import { createInFlight } from './pipeline/in-flight.js';
import { systemClock, type Clock } from './time.js';
import { toolModules } from './tools/index.js';
import type { ToolModule } from './tools/types.js';
import { createUnderstander } from './understanding/index.js';
import type { IntentClassifier } from './understanding/intent/classifier.js';
import type { Interceptor } from './pipeline/types.js';
import type { OutboxDelivery } from './outbox/types.js';
import { createMetrics, timedUnderstander, type Metrics } from './metrics/metrics.js';
import { createFloodLimit } from './pipeline/flood-limit.js';
import { createDispatcher, type Dispatcher } from './outbox/dispatcher.js';
import { createScheduler, type Scheduler } from './scheduler/scheduler.js';
import { explainListenError } from './startup-error.js';

export interface ErrandOptions {
  config: Config;
  logger: Logger;
  clock?: Clock;
  modules?: ToolModule[];
  channels?: ChannelFactory[];
  interceptors?: Interceptor[];
  /** Reuse an open database (tests); otherwise one is opened and closed with the service. */
  db?: Database;
  /** Another intent classifier than the checked-in model (the evaluation's cross-validation). */
  classifier?: IntentClassifier;
}

export interface Errand {
  db: Database;
  scheduler: Scheduler;
  dispatcher: Dispatcher;
  metrics: Metrics;
  channels: Channel[];
  handleInbound: HandleInbound;
  /** Set once `listen` resolves. */
  url?: string;
  listen(): Promise<string>;
  stop(): Promise<void>;
}

/** Composition root shared by `npm start`, the chat, the CLI and the tests. */
export async function createErrand(opts: ErrandOptions): Promise<Errand> {
  const { config, logger } = opts;
  const clock = opts.clock ?? systemClock;
  const modules = opts.modules ?? toolModules;
  const understander = createUnderstander({ modules, llm: config.llm, logger, classifier: opts.classifier });
  const ownsDb = !opts.db;
  const db = opts.db ?? (await initDb({ config, logger }));
  const inFlight = createInFlight();
  const metrics = createMetrics({ orm: db.orm, defaultMetrics: true });
  const factories = opts.channels ?? channelFactories;
  const flood = createFloodLimit({ perMinute: config.maxMessagesPerSenderPerMinute, clock });
  const pipeline = createPipeline({
    orm: db.orm,
    understander: timedUnderstander(understander, metrics.understanding),
    modules,
    clock,
    logger,
    settings: config,
    // Channel keywords (STOP/START/HELP) come first so opting out always works, the flood limit last.
    interceptors: [
      ...factories.flatMap((f) => f.interceptors ?? []),
      ...(opts.interceptors ?? []),
      flood,
    ],
  });
  const handleInbound = pipeline.handleInbound;
  const tracked: HandleInbound = (message) =>
    inFlight.track(
      handleInbound(message).then(
        (result) => {
          metrics.inbound.inc({ channel: message.channel, outcome: result.outcome });
          return result;
        },
        (err: unknown) => {
          metrics.inbound.inc({ channel: message.channel, outcome: 'rejected' });
          throw err;
        },
      ),
    );
  let dispatcher: Dispatcher | undefined;
  const outbox: OutboxDelivery = { deliver: async (id) => dispatcher?.deliver(id) };
  const channels = await createChannels({ config, logger, orm: db.orm, clock, handleInbound: tracked, inFlight, outbox }, factories);
  dispatcher = createDispatcher({ orm: db.orm, channels, clock, logger, metrics, maxAttempts: config.deliveryMaxAttempts });
  const scheduler = createScheduler({
    orm: db.orm,
    jobs: [
      createStrandedRecovery(pipeline),
      createAnswerHeld({ pipeline, flood }),
      ...channels.flatMap((c) => c.jobs ?? []),
      ...modules.flatMap((m) => m.jobs ?? []),
    ],
    dispatcher,
    clock,
    logger,
    cronExpression: config.schedulerCron,
    catchupHorizonHours: config.catchupHorizonHours,
  });
  let accepting = true;
  let server: Server | undefined;

  const errand: Errand = {
    db,
    scheduler,
    dispatcher,
    metrics,
    channels,
    handleInbound: tracked,
    async listen() {
      const app = createApp({ db, channels, logger, isAccepting: () => accepting, metrics, metricsToken: config.metricsToken });
      // Express 5 hands a listen error (port in use…) to this callback instead of emitting it.
      server = await new Promise<Server>((resolve, reject) => {
        const s = app.listen(config.port, config.host, (err) => (err ? reject(explainListenError(err, config)) : resolve(s)));
      });
      for (const channel of channels) await channel.start?.();
      if (config.schedulerEnabled) scheduler.start();
      const { port } = server.address() as AddressInfo;
      errand.url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
      logger.info(`Errand listening on ${errand.url} (${elapsed()} after the process started)`, {
        database: db.mode,
        channels: channels.map((c) => c.id),
      });
      return errand.url;
    },
    async stop() {
      accepting = false;
      const closed = server ? new Promise<void>((resolve) => server!.close(() => resolve())) : Promise.resolve();
      server?.closeIdleConnections();
      await scheduler.stop();
      for (const channel of channels) await channel.stop?.();
      const drained = await inFlight.drain(config.shutdownTimeoutMs);
      if (!drained) logger.warn('shutdown timed out with messages still in flight', { inFlight: inFlight.size });
      server?.closeAllConnections();
      await closed;
      if (ownsDb) await db.close();
      logger.info('Errand stopped');
    },
  };
  return errand;
}
