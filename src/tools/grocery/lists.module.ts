import { groupByUser } from '../shared/by-user.js';
import { yesOrNo } from '../../understanding/yes-no.js';
import type { ToolModule } from '../types.js';
import type { PendingRequest } from '../../entities/conversation-state.entity.js';
import { toolCall, type RuleInput, type Understanding } from '../../understanding/types.js';
import { listRules } from './lists.rules.js';
import { DELETE_CONFIRM, listTools } from './lists.tool.js';
import { UserList } from './user-list.entity.js';

/** The answer to "Delete your packing list and its 3 items? Reply YES or NO."; anything else is a new request. */
function resume(pending: PendingRequest, input: RuleInput): Understanding | null {
  if (pending.tool !== 'lists.delete' || pending.missing !== DELETE_CONFIRM) return null;
  const answer = yesOrNo(input.raw);
  if (answer === 'yes') return toolCall('lists.delete', pending.args);
  const { name } = pending.args as { name: string };
  if (answer === 'no') return { kind: 'reply', text: `OK, I kept your ${name} list.`, clearPending: true };
  return null;
}

/**
 * Named lists ("to-do", "packing", "hardware store") beside the grocery list: their items are grocery items with a
 * list, added, checked, removed, shown and cleared by the grocery tools; this module names, lists and deletes them.
 */
export const listsModule: ToolModule = {
  name: 'lists',
  helpOrder: 31,
  tools: listTools,
  entities: [UserList],
  rules: listRules,
  resume,
  examples: ['add call the plumber to my to-do list', "what's on my packing list", 'what are my lists'],
  dump: {
    key: 'lists',
    async rows(em, userIds) {
      // A fork per batch: the lists are read as entities, and a long dump must not keep every batch's in memory.
      const lists = await em.fork().getRepository(UserList).withItemsOfUsers(userIds);
      return groupByUser(lists.map((l) => ({ ...l, user: l.user.id })), (l) => ({
        name: l.name,
        items: l.items.getItems().map((i) => ({
          name: i.name,
          quantity: i.quantity === null || i.quantity === undefined ? null : Number(i.quantity),
          unit: i.unit ?? null,
          done: i.done,
        })),
      }));
    },
  },
};
