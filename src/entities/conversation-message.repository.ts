import { EntityRepository } from '@mikro-orm/postgresql';
import type { ConversationMessage } from './conversation-message.entity.js';

/** Questions about stored messages that the pipeline and its jobs ask, through the entity API. */
export class ConversationMessageRepository extends EntityRepository<ConversationMessage> {
  /** Whether the sender has a message held before this one: a newer message then waits behind it, so answers keep their order. */
  async heldBefore(userId: number, messageId: string): Promise<boolean> {
    // One row's id through the QueryBuilder: nothing hydrated, and about half the client CPU of `count` (on every message).
    const where = { user: userId, status: 'held' as const, id: { $lt: messageId } };
    const held = await this.createQueryBuilder().select('id').where(where).limit(1).execute('get');
    return held !== undefined && held !== null;
  }

  async isHeld(messageId: string): Promise<boolean> {
    return (await this.count({ id: messageId, status: 'held' })) > 0;
  }
}
