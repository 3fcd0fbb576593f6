import { EntityRepository } from '@mikro-orm/postgresql';
import type { ConversationMessage } from './conversation-message.entity.js';

/** Questions about stored messages that the pipeline and its jobs ask, through the entity API. */
export class ConversationMessageRepository extends EntityRepository<ConversationMessage> {
  /** Whether the sender has a message held before this one: a newer message then waits behind it, so answers keep their order. */
  async heldBefore(userId: number, messageId: string): Promise<boolean> {
    const held = await this.findOne({ user: userId, status: 'held', id: { $lt: messageId } }, { fields: ['id'], disableIdentityMap: true });
    return held !== null;
  }

  async isHeld(messageId: string): Promise<boolean> {
    const message = await this.findOne({ id: messageId }, { fields: ['status'], disableIdentityMap: true });
    return message?.status === 'held';
  }
}
