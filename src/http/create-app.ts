import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import type { Channel } from '../channels/types.js';
import type { Database } from '../db/init-db.js';
import type { Logger } from '../logger.js';
import { errorSummary } from '../errors.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import type { Metrics } from '../metrics/metrics.js';
import { metricsRouter } from './metrics.router.js';

export interface AppDeps {
  db: Pick<Database, 'isReady' | 'mode'>;
  channels: Channel[];
  logger: Logger;
  /** False once shutdown begins: readiness fails so a load balancer stops sending traffic. */
  isAccepting?: () => boolean;
  metrics?: Metrics;
  metricsToken?: string;
}

export const BODY_LIMIT = '64kb';

export function createApp({ db, channels, logger, isAccepting = () => true, metrics, metricsToken }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  if (metrics) app.use('/webhooks', timeAcknowledgements(metrics));
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(express.urlencoded({ limit: BODY_LIMIT, extended: false, parameterLimit: 200 }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Ready: not shutting down, the database answers and every channel that reports a state can take in messages.
  app.get('/readyz', async (_req, res) => {
    const states = channels.flatMap((c) => (c.health ? [[c.id, c.health()] as const] : []));
    const ready = isAccepting() && (await db.isReady()) && states.every(([, health]) => health.ready);
    const channelStates = Object.fromEntries(states.map(([id, health]) => [id, health.state]));
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', database: db.mode, channels: channelStates });
  });

  if (metrics) app.use(metricsRouter(metrics, metricsToken));
  for (const channel of channels) if (channel.router) app.use(channel.router);

  app.use((req, res) => {
    res.status(404).json({ error: 'not_found', message: `No route for ${req.method} ${req.path}` });
  });
  app.use(errorHandler(logger));
  return app;
}

/** Acknowledgement latency per channel: from arrival of the webhook to the end of its HTTP answer. */
function timeAcknowledgements(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const stop = metrics.ackSeconds.startTimer();
    const provider = req.path.split('/')[1] || 'other';
    // Labelled by provider only when a route answered: arbitrary paths must not create new series.
    res.once('finish', () => stop({ channel: req.route ? provider : 'other' }));
    next();
  };
}

/**
 * The one place HTTP errors become responses: bad bodies are 4xx with a reason, a database outage 503
 * (so the provider redelivers), everything else 500.
 */
function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (isDatabaseUnavailable(err)) {
      logger.warn('request refused: database unavailable', { method: req.method, path: req.path, error: errorSummary(err) });
      if (res.headersSent) return;
      res.status(503).set('Retry-After', '5').json({ error: 'unavailable', message: 'The database is unavailable; retry shortly' });
      return;
    }
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 600 ? err.status : 500;
    const reasons: Record<string, string> = {
      'entity.too.large': `Request body is larger than ${BODY_LIMIT}`,
      'entity.parse.failed': 'Request body could not be parsed',
      'encoding.unsupported': 'Unsupported body encoding',
      'charset.unsupported': 'Unsupported charset',
      'parameters.too.many': 'Too many form parameters',
    };
    const message = reasons[err?.type as string] ?? (status < 500 ? String(err?.message ?? 'Bad request') : 'Internal server error');
    if (status >= 500) logger.error('request failed', { method: req.method, path: req.path, error: errorSummary(err) });
    else logger.warn('request rejected', { method: req.method, path: req.path, status, reason: message });
    if (res.headersSent) return;
    res.status(status).json({ error: status >= 500 ? 'internal_error' : 'bad_request', message });
  };
}
