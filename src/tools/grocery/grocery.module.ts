import { groupByUser } from '../shared/by-user.js';
import { words, yesOrNo } from '../../understanding/yes-no.js';
import type { ToolModule } from '../types.js';
import type { PendingRequest } from '../../entities/conversation-state.entity.js';
import { toolCall, type RuleInput, type Understanding } from '../../understanding/types.js';
import { cleanText, wordsToNumber } from '../../understanding/words.js';
import { GroceryItem } from './grocery-item.entity.js';
import { groceryRules, ITEMS_MISSING, resumeItems } from './grocery.rules.js';
import { listRules, LIST_NAME_MISSING, resumeListName } from './lists.rules.js';
import { DELETE_CONFIRM, listTools } from './lists.tool.js';
import { listDisplayName } from './list-names.js';
import { CLEAR_CONFIRM, groceryTools, QUANTITY_MISSING } from './grocery.tool.js';

/** Besides yes and no, what answers "Clear all N items?". */
const CLEAR_ANSWERS = { yes: words('yes clear it|clear it|yes clear'), no: words('keep|keep it|keep them|no keep it|stop') };

/** The answer to "Clear all N items? Reply YES or NO." or to "… — how many eggs?"; anything else is a new request. */
function resume(pending: PendingRequest, input: RuleInput): Understanding | null {
  if (pending.tool === 'grocery.add' && pending.missing === QUANTITY_MISSING) return resumeQuantity(pending, input);
  if (pending.tool === 'grocery.add' && pending.missing === ITEMS_MISSING) return resumeItems(input.raw);
  if (pending.tool === 'lists.delete') return resumeDelete(pending, input);
  if (pending.tool === 'lists.create' && pending.missing === LIST_NAME_MISSING) return resumeListName(input.text);
  if (pending.tool !== 'grocery.clear' || pending.missing !== CLEAR_CONFIRM) return null;
  const answer = yesOrNo(input.raw, CLEAR_ANSWERS);
  if (answer === 'yes') return toolCall('grocery.clear', pending.args);
  const list = (pending.args as { list?: string }).list;
  const label = list ? `${listDisplayName(list)} list` : 'grocery list';
  if (answer === 'no') return { kind: 'reply', text: `OK, I kept your ${label} as it is.`, clearPending: true };
  return null;
}

/** The answer to "Delete your packing list and its 3 items? Reply YES or NO."; anything else is a new request. */
function resumeDelete(pending: PendingRequest, input: RuleInput): Understanding | null {
  if (pending.missing !== DELETE_CONFIRM) return null;
  const answer = yesOrNo(input.raw);
  if (answer === 'yes') return toolCall('lists.delete', pending.args);
  const { name } = pending.args as { name: string };
  if (answer === 'no') return { kind: 'reply', text: `OK, I kept your ${name} list.`, clearPending: true };
  return null;
}

/** "12", "12 eggs", "twelve": the quantity asked for; the tool checks it like any other. */
function resumeQuantity(pending: PendingRequest, input: RuleInput): Understanding | null {
  const answer = cleanText(input.raw);
  const digits = /^(-?\d+(?:\.\d+)?)(?:\s+\S.*)?$/.exec(answer);
  const quantity = digits ? Number(digits[1]) : wordsToNumber(answer);
  if (quantity === null) return null;
  const { items, ask, list } = pending.args as { items: Record<string, unknown>[]; ask: number; list?: string };
  return toolCall('grocery.add', { items: items.map((item, i) => (i === ask ? { ...item, quantity } : item)), ...(list ? { list } : {}) });
}

export const groceryModule: ToolModule = {
  name: 'grocery',
  helpOrder: 30,
  tools: [...groceryTools, ...listTools],
  entities: [GroceryItem],
  // Named lists, questions and corrections first: "add nails to my hardware store list" is not a grocery.
  rules: [...listRules, ...groceryRules],
  resume,
  examples: [
    'add milk, 2 dozen eggs and bread', "what's on my list", 'got the milk', 'take eggs off the list',
    'clear checked items', 'clear the list', 'add call the plumber to my to-do list', 'what are my lists',
  ],
  dump: {
    key: 'groceryItems',
    async rows(em, userIds) {
      return groupByUser(await em.getRepository(GroceryItem).ofUsers(userIds), (r) => ({
        id: r.id,
        name: r.name,
        quantity: r.quantity === null ? null : Number(r.quantity),
        unit: r.unit,
        category: r.category,
        done: r.done,
      }));
    },
  },
};
