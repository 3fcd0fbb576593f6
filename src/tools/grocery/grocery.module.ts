import { groupByUser } from '../shared/by-user.js';
import type { ToolModule } from '../types.js';
import type { PendingRequest } from '../../entities/conversation-state.entity.js';
import { toolCall, type RuleInput, type Understanding } from '../../understanding/types.js';
import { cleanText, wordsToNumber } from '../../understanding/words.js';
import { GroceryItem } from './grocery-item.entity.js';
import { groceryRules } from './grocery.rules.js';
import { CLEAR_CONFIRM, groceryTools, QUANTITY_MISSING } from './grocery.tool.js';
import { wordList } from '../../understanding/pattern.js';

const YES = new RegExp(wordList`^(?:y|ya|ye|yes|yeah|yea|yep|yup|yess+|sure|ok|okay|k|do it|go ahead|confirm|confirmed|yes please|
  please do|absolutely|correct|affirmative|definitely|of course|yes clear it|clear it|yes clear|yes do it|👍)$`);
const NO = new RegExp(wordList`^(?:n|no|nah|na|nope|don'?t|do not|keep|keep it|keep them|no keep it|no don'?t|not now|wait|stop|
  no thanks|never ?mind|cancel)$`);

/** The answer to "Clear all N items? Reply YES or NO." or to "… — how many eggs?"; anything else is a new request. */
function resume(pending: PendingRequest, input: RuleInput): Understanding | null {
  if (pending.tool === 'grocery.add' && pending.missing === QUANTITY_MISSING) return resumeQuantity(pending, input);
  if (pending.tool !== 'grocery.clear' || pending.missing !== CLEAR_CONFIRM) return null;
  const answer = cleanText(input.raw).replace(/[.,]/g, '').trim() || input.raw.trim();
  if (YES.test(answer)) return toolCall('grocery.clear', pending.args);
  if (NO.test(answer)) return { kind: 'reply', text: 'OK, I kept your grocery list as it is.', clearPending: true };
  return null;
}

/** "12", "12 eggs", "twelve": the quantity asked for; the tool checks it like any other. */
function resumeQuantity(pending: PendingRequest, input: RuleInput): Understanding | null {
  const answer = cleanText(input.raw);
  const digits = /^(-?\d+(?:\.\d+)?)(?:\s+\S.*)?$/.exec(answer);
  const quantity = digits ? Number(digits[1]) : wordsToNumber(answer);
  if (quantity === null) return null;
  const { items, ask } = pending.args as { items: Record<string, unknown>[]; ask: number };
  return toolCall('grocery.add', { items: items.map((item, i) => (i === ask ? { ...item, quantity } : item)) });
}

export const groceryModule: ToolModule = {
  name: 'grocery',
  helpOrder: 30,
  tools: groceryTools,
  entities: [GroceryItem],
  rules: groceryRules,
  resume,
  examples: [
    'add milk, 2 dozen eggs and bread', "what's on my list", 'got the milk', 'take eggs off the list',
    'clear checked items', 'clear the list',
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
