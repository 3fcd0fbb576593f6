import type { EntityManager } from '@mikro-orm/postgresql';
import type { ConsentLog } from './consent-log.entity.js';
import type { ConsentChange } from './consent-log.repository.js';

export type { ConsentAction, ConsentChange, ConsentSource } from './consent-log.repository.js';

/**
 * Sets users.opted_out and appends to the consent log, inside the caller's transaction.
 * Every keyword is logged (each is the person's own word); a provider error only when it changes something.
 * The entity by name: the interceptors load with the registry, before the ORM's entities.
 */
export function recordConsent(em: EntityManager, change: ConsentChange): Promise<void> {
  return em.getRepository<ConsentLog>('ConsentLog').record(change);
}
