import type { EntityManager } from '@mikro-orm/postgresql';
import type { JobContext } from './types.js';

export interface BatchResult {
  /** Rows the batch claimed: a batch short of `batchSize` means nothing more is due. */
  claimed: number;
  /** What the job reports as done (defaults to `claimed`). */
  handled?: number;
}

/**
 * The shape every claiming job shares: one transaction per batch (claim with SKIP LOCKED, write, advance),
 * repeated until a batch comes back short. Returns the total handled.
 */
export async function runInBatches(ctx: JobContext, batchSize: number, batch: (em: EntityManager) => Promise<BatchResult>): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await ctx.em.transactional((em) => batch(em as EntityManager));
    total += result.handled ?? result.claimed;
    if (result.claimed < batchSize) return total;
  }
}
