import type { MikroORM } from '@mikro-orm/postgresql';
import { performance } from 'node:perf_hooks';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Understander } from '../understanding/types.js';

/** Every Prometheus series Errand exposes; one registry per service instance (tests make several). */
export interface Metrics {
  registry: Registry;
  inbound: Counter<'channel' | 'outcome'>;
  ackSeconds: Histogram<'channel'>;
  understanding: Histogram<'path' | 'kind'>;
  deliveries: Counter<'channel' | 'status'>;
  reminderLagSeconds: Histogram;
}

export function createMetrics(opts: { orm?: MikroORM; defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (opts.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'errand_' });
  const fast = [0.001, 0.0025, 0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
  const metrics: Metrics = {
    registry,
    inbound: new Counter({
      name: 'errand_inbound_messages_total',
      help: 'Inbound messages by channel and outcome',
      labelNames: ['channel', 'outcome'],
      registers: [registry],
    }),
    ackSeconds: new Histogram({
      name: 'errand_ack_seconds',
      help: 'Time from webhook arrival to its HTTP answer',
      labelNames: ['channel'],
      buckets: fast,
      registers: [registry],
    }),
    understanding: new Histogram({
      name: 'errand_understanding_seconds',
      help: 'Understanding latency by path (rules/llm) and result kind',
      labelNames: ['path', 'kind'],
      buckets: fast,
      registers: [registry],
    }),
    deliveries: new Counter({
      name: 'errand_deliveries_total',
      help: 'Outbound delivery attempts by channel and resulting status',
      labelNames: ['channel', 'status'],
      registers: [registry],
    }),
    reminderLagSeconds: new Histogram({
      name: 'errand_reminder_lag_seconds',
      help: 'Reminder due time to hand-over to the provider',
      buckets: [0.5, 1, 5, 15, 30, 60, 120, 300, 900, 3600],
      registers: [registry],
    }),
  };
  if (opts.orm) registerOutboxGauges(registry, opts.orm);
  return metrics;
}

/** Outbox depth and age are read from the database at scrape time, so every instance reports the truth. */
function registerOutboxGauges(registry: Registry, orm: MikroORM): void {
  const query = (sql: string) => orm.em.getConnection().execute(sql) as Promise<Record<string, unknown>[]>;
  new Gauge({
    name: 'errand_outbox_depth',
    help: 'Outbox rows waiting to be sent, by status',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const rows = await query(`select status, count(*)::int as n from outbound_messages where status in ('queued', 'sending') group by status`);
      for (const status of ['queued', 'sending']) this.set({ status }, Number(rows.find((r) => r.status === status)?.n ?? 0));
    },
  });
  new Gauge({
    name: 'errand_outbox_oldest_age_seconds',
    help: 'Age of the oldest queued outbox row',
    registers: [registry],
    async collect() {
      const [row] = await query(
        'select coalesce(extract(epoch from now() - min(created_at)), 0)::float8 as age'
          + " from outbound_messages where status = 'queued'",
      );
      this.set(Number(row?.age ?? 0));
    },
  });
}

/** The understander, with each call's latency observed by path (the trace's when it fell back) and result kind. */
export function timedUnderstander(understander: Understander, histogram: Metrics['understanding']): Understander {
  return {
    path: understander.path,
    async understand(text, ctx) {
      const started = performance.now();
      const understanding = await understander.understand(text, ctx);
      histogram.observe({ path: understanding.trace?.path ?? understander.path, kind: understanding.kind }, (performance.now() - started) / 1000);
      return understanding;
    },
  };
}
