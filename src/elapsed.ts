/** "2.1 s" since `since` (a performance.now() reading); performance.now() itself counts from the process's start. */
export function elapsed(since = 0): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}
