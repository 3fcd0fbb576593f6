/** Hands outbox rows to the channels. The dispatcher (scheduler issue) also polls for due rows. */
export interface OutboxDelivery {
  /** Tries to send one queued row now; failures stay in the outbox for a retry. Never throws. */
  deliver(outboundId: string): Promise<void>;
}
