import { groupByUser } from '../shared/by-user.js';
import type { ToolModule } from '../types.js';
import { UserList } from './user-list.entity.js';

/**
 * The named lists in `cli dump` (`lists: [{name, items}]`, beside `groceryItems`). Their tools and rules are the
 * grocery module's: a named list's items are list items like groceries, and one module keeps one rule order.
 */
export const listsModule: ToolModule = {
  name: 'lists',
  tools: [],
  entities: [UserList],
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
