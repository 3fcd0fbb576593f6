/** Work that must finish before shutdown (a reply still being computed after the webhook was answered). */
export interface InFlight {
  track<T>(work: Promise<T>): Promise<T>;
  readonly size: number;
  /** Resolves when everything tracked has settled, or after `timeoutMs`; true when it all settled. */
  drain(timeoutMs: number): Promise<boolean>;
}

export function createInFlight(): InFlight {
  const pending = new Set<Promise<unknown>>();
  return {
    track(work) {
      const settled = work.then(
        () => undefined,
        () => undefined,
      );
      pending.add(settled);
      void settled.then(() => pending.delete(settled));
      return work;
    },
    get size() {
      return pending.size;
    },
    async drain(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      const all = (async () => {
        while (pending.size) await Promise.all([...pending]);
        return true as const;
      })();
      const result = await Promise.race([all, timeout]);
      clearTimeout(timer);
      return result;
    },
  };
}
