import type { PendingRequest } from '../entities/conversation-state.entity.js';

export const PENDING_TTL_MS = 30 * 60_000;

/** A pending question expires after 30 minutes: a late "tomorrow 10am" should not fill a stale request. */
export function activePending(pending: PendingRequest | null | undefined, now: Date): PendingRequest | null {
  if (!pending) return null;
  const age = now.getTime() - new Date(pending.createdAt).getTime();
  return age >= 0 && age <= PENDING_TTL_MS ? pending : null;
}
