import { Router } from 'express';
import { timingSafeEqual } from 'node:crypto';
import type { Metrics } from '../metrics/metrics.js';

/** GET /metrics in Prometheus text format; with METRICS_TOKEN set it needs `Authorization: Bearer <token>`. */
export function metricsRouter(metrics: Metrics, token?: string): Router {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    if (token && !sameSecret(req.get('authorization') ?? '', `Bearer ${token}`)) {
      res.status(401).json({ error: 'unauthorized', message: 'metrics need a bearer token' });
      return;
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
