const BASE_MS = 30_000;
const CAP_MS = 60 * 60_000;

/** Exponential backoff with full jitter: attempt 1 waits up to 30 s, then 1, 2, 4 min… capped at an hour. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
