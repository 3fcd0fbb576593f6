import type { ToolModule } from '../types.js';
import type { PendingRequest } from '../../entities/conversation-state.entity.js';
import { toolCall, type RuleInput, type Understanding } from '../../understanding/types.js';
import { cleanText } from '../../understanding/words.js';
import { GroceryItem } from './grocery-item.entity.js';
import { groceryRules } from './grocery.rules.js';
import { CLEAR_CONFIRM, groceryTools } from './grocery.tool.js';

const YES = /^(?:y|ya|ye|yes|yeah|yea|yep|yup|yess+|sure|ok|okay|k|do it|go ahead|confirm|confirmed|yes please|please do|absolutely|correct|affirmative|definitely|of course|yes clear it|clear it|yes clear|yes do it|👍)$/;
const NO = /^(?:n|no|nah|na|nope|don'?t|do not|keep|keep it|keep them|no keep it|no don'?t|not now|wait|stop|no thanks|never ?mind|cancel)$/;

/** The answer to "Clear all N items? Reply YES or NO."; anything else is a new request. */
function resume(pending: PendingRequest, input: RuleInput): Understanding | null {
  if (pending.tool !== 'grocery.clear' || pending.missing !== CLEAR_CONFIRM) return null;
  const answer = cleanText(input.raw).replace(/[.,]/g, '').trim() || input.raw.trim();
  if (YES.test(answer)) return toolCall('grocery.clear', pending.args);
  if (NO.test(answer)) return { kind: 'reply', text: 'OK, I kept your grocery list as it is.', clearPending: true };
  return null;
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
  async dump(em, user) {
    const rows = await em.find(GroceryItem, { user }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return {
      groceryItems: rows.map((r) => ({
        name: r.name,
        quantity: r.quantity === null || r.quantity === undefined ? null : Number(r.quantity),
        unit: r.unit ?? null,
        category: r.category,
        done: r.done,
      })),
    };
  },
};
