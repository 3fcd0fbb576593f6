import type { MikroORM } from '@mikro-orm/postgresql';
import cron, { type ScheduledTask } from 'node-cron';
import { errorSummary } from '../errors.js';
import type { Logger } from '../logger.js';
import { DigestClosedError } from './catchup.js';
import type { Dispatcher, DrainReport } from '../outbox/dispatcher.js';
import type { Clock } from '../time.js';
import type { Job } from './types.js';

export interface SchedulerDeps {
  orm: MikroORM;
  jobs: Job[];
  dispatcher: Dispatcher;
  clock: Clock;
  logger: Logger;
  cronExpression: string;
  catchupHorizonHours: number;
}

export interface TickReport {
  jobs: Record<string, number>;
  delivery: DrainReport;
}

export interface Scheduler {
  /** One pass: every job, then the outbox. Tests call it directly with an injected clock. */
  tick(): Promise<TickReport>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * node-cron drives `tick`; overlapping ticks are skipped. Every instance may tick: jobs and the dispatcher
 * claim rows with FOR UPDATE SKIP LOCKED, so concurrent instances split the work instead of repeating it.
 */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  const startedAt = deps.clock.now();
  let task: ScheduledTask | undefined;
  let running: Promise<unknown> = Promise.resolve();

  async function tick(): Promise<TickReport> {
    const now = deps.clock.now();
    const report: TickReport = { jobs: {}, delivery: { sent: 0, retried: 0, dead: 0 } };
    for (const job of deps.jobs) {
      const logger = deps.logger.child({ job: job.name });
      try {
        report.jobs[job.name] = await job.run({ em: deps.orm.em.fork(), now, logger, startedAt, catchupHorizonHours: deps.catchupHorizonHours });
      } catch (err) {
        // A digest that left mid-run is expected: the batch rolled back and the next tick starts a new digest.
        if (err instanceof DigestClosedError) logger.info('job stopped until the next tick', { reason: err.message });
        else logger.error('job failed', { error: errorSummary(err) });
      }
    }
    report.delivery = await deps.dispatcher.drain();
    const busy = Object.values(report.jobs).some((n) => n > 0) || report.delivery.sent + report.delivery.retried + report.delivery.dead > 0;
    if (busy) deps.logger.info('scheduler tick', report);
    return report;
  }

  return {
    tick,
    start() {
      task = cron.schedule(
        deps.cronExpression,
        () => {
          running = tick().catch((err: unknown) => deps.logger.error('tick failed', { error: errorSummary(err) }));
          return running;
        },
        { name: 'errand-tick', noOverlap: true },
      );
      running = tick().catch((err: unknown) => deps.logger.error('start-up tick failed', { error: errorSummary(err) }));
    },
    async stop() {
      await task?.destroy();
      await running;
    },
  };
}
