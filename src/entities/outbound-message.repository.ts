import { LockMode } from '@mikro-orm/core';
import { EntityRepository } from '@mikro-orm/postgresql';
import type { OutboundMessage, OutboundStatus } from './outbound-message.entity.js';

/** The outbox as the channels see it: owed replies and the provider's delivery reports. */
export class OutboundMessageRepository extends EntityRepository<OutboundMessage> {
  /** Whether the reply to inbound message `messageId` went to the outbox (in any state). */
  async hasReply(messageId: string): Promise<boolean> {
    return (await this.findReply(messageId, {})) !== null;
  }

  /** The reply to `messageId` still waiting in the outbox, if there is one. */
  async queuedReplyId(messageId: string): Promise<string | null> {
    return this.findReply(messageId, { status: 'queued' });
  }

  private async findReply(messageId: string, where: { status?: OutboundStatus }): Promise<string | null> {
    const row = await this.createQueryBuilder()
      .select('id')
      .where({ sourceType: 'reply', sourceId: messageId, ...where })
      .limit(1)
      .execute<{ id: string } | null>('get');
    return row ? String(row.id) : null;
  }

  /** The row a provider message id was recorded on, locked until the caller's transaction ends. */
  async lockByProviderId(providerMessageId: string): Promise<{ id: string; userId: number; status: OutboundStatus } | null> {
    const row = await this.createQueryBuilder()
      .select(['id', 'user', 'status'])
      .where({ providerMessageId })
      .limit(1)
      .setLockMode(LockMode.PESSIMISTIC_WRITE)
      .execute<{ id: string; user: number; status: OutboundStatus } | null>('get');
    return row ? { id: String(row.id), userId: row.user, status: row.status } : null;
  }

  /** A delivery report's status; an error, when given, replaces the last one. */
  async setDeliveryStatus(id: string, status: OutboundStatus, error: string | null, at: Date): Promise<void> {
    await this.nativeUpdate({ id }, { status, updatedAt: at, ...(error === null ? {} : { lastError: error }) });
  }
}
