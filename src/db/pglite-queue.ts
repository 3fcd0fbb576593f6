/**
 * pglite-socket (0.2.x) serves every client connection from ONE PGlite session and queues their protocol
 * messages one by one. Inside a transaction it keeps to the connection that opened it, but outside one it
 * takes the next message of any connection — so two concurrent parameterised statements (Parse, Bind,
 * Describe, Execute, Sync each a message) interleave and break each other ("portal does not exist", wrong
 * statement bound). This keeps a connection's extended-protocol batch together up to its Sync, exactly as it
 * already does for a transaction. Pinned to the queue's shape in @electric-sql/pglite-socket 0.2.17.
 */
interface Queued {
  handlerId: number;
  message: Uint8Array;
  resolve(bytes: number): void;
  reject(err: unknown): void;
  onData(data: Uint8Array): void;
}

interface QueryQueue {
  queue: Queued[];
  processing: boolean;
  lastHandlerId: number | null;
  db: {
    isInTransaction(): boolean;
    runExclusive<T>(fn: () => Promise<T>): Promise<T>;
    execProtocolRawStream(message: Uint8Array, options: { onRawData(data: Uint8Array): void }): Promise<unknown>;
  };
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

/** Parse, Bind, Describe, Execute: the connection's batch goes on until its Sync. */
const IN_BATCH = new Set(['P', 'B', 'D', 'E'].map((c) => c.charCodeAt(0)));

export function keepExtendedQueriesTogether(queue: QueryQueue): void {
  if (!Array.isArray(queue.queue) || typeof queue.db?.execProtocolRawStream !== 'function') {
    throw new Error('pglite-socket changed: check src/db/pglite-queue.ts against its query queue');
  }
  let midBatch: number | null = null;

  const next = (): Queued | null | undefined => {
    const owner = midBatch ?? (queue.db.isInTransaction() ? queue.lastHandlerId : null);
    if (owner === null) return queue.queue.shift();
    const at = queue.queue.findIndex((q) => q.handlerId === owner);
    return at === -1 ? null : queue.queue.splice(at, 1)[0];
  };

  queue.processQueue = async function processQueue(): Promise<void> {
    if (queue.processing || queue.queue.length === 0) return;
    queue.processing = true;
    try {
      for (let item = next(); item; item = queue.queue.length ? next() : null) {
        let bytes = 0;
        try {
          await queue.db.runExclusive(() =>
            queue.db.execProtocolRawStream(item!.message, {
              onRawData: (data) => {
                bytes += data.length;
                item!.onData(data);
              },
            }),
          );
        } catch (err) {
          midBatch = null;
          item.reject(err);
          return;
        }
        midBatch = IN_BATCH.has(item.message[0] ?? 0) ? item.handlerId : null;
        queue.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      queue.processing = false;
    }
  };

  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    clear(handlerId);
    if (midBatch !== handlerId) return;
    midBatch = null; // a connection that went away mid-batch must not stall the others
    void queue.processQueue();
  };
}
