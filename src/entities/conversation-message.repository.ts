import { EntityRepository } from '@mikro-orm/postgresql';
import type { ConversationMessage } from './conversation-message.entity.js';

/** Questions about stored messages that the pipeline and its jobs ask, through the entity API. */
export class ConversationMessageRepository extends EntityRepository<ConversationMessage> {
  /** Whether the sender has a message held before this one: a newer message then waits behind it, so answers keep their order. */
  async heldBefore(userId: number, messageId: string): Promise<boolean> {
    // A count: nothing hydrated or kept in the identity map (the partial index holds only held rows).
    return (await this.count({ user: userId, status: 'held', id: { $lt: messageId } })) > 0;
  }

  async isHeld(messageId: string): Promise<boolean> {
    return (await this.count({ id: messageId, status: 'held' })) > 0;
  }
}
