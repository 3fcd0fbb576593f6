import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';

export interface JobContext {
  /** A fresh fork for this run; jobs open their own short transactions on it. */
  em: EntityManager;
  /** The tick's instant (injected clock): jobs never read wall time. */
  now: Date;
  logger: Logger;
  /** Service start: work that fell due before it was missed while Errand was down. */
  startedAt: Date;
  catchupHorizonHours: number;
}

/** Scheduled work a tool contributes (due reminders, event alerts, agendas). */
export interface Job {
  name: string;
  /** Processes everything due at `now`; returns how many items it handled. */
  run(ctx: JobContext): Promise<number>;
}
