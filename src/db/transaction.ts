import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * `fn` in one transaction on one fork of `em`: BEGIN, `fn`, flush and COMMIT — or ROLLBACK when it throws.
 * Like `em.fork().transactional(fn)` without the second fork and identity-map merge that `transactional` adds,
 * which the hot path pays for on every message.
 */
export async function inTransaction<T>(em: EntityManager, fn: (tx: EntityManager) => Promise<T>): Promise<T> {
  const tx = em.fork();
  await tx.begin();
  try {
    const result = await fn(tx);
    await tx.commit();
    return result;
  } catch (err) {
    // Still open when `fn` or the flush before COMMIT threw.
    if (tx.isInTransaction()) await tx.rollback().catch(() => undefined);
    throw err;
  }
}
