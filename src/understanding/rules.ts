import type { ToolModule } from '../tools/types.js';
import type { Rule, Understander, Understanding } from './types.js';
import { normalizeText } from './normalize.js';

const HELP = /^(help|info|menu|commands|\/help|\/start|what can you do|how does (this|it) work|\?+)$/;
const GREETING = /^(hi|hello|hey|heya|yo|hiya|good (morning|afternoon|evening)|sup|howdy)( there| errand)?$/;
const THANKS = /^(thanks|thank you|thanks a lot|thank you so much|cheers|great|awesome|perfect|cool|ok|okay|k|kk|got it)( thanks)?$/;
const CANCEL = /^(cancel|never ?mind|nvm|forget it|stop that|no thanks|nope)$/;

/** Built-in conversation rules that belong to no tool. */
const conversationRules: Rule[] = [
  { name: 'help', match: ({ text }) => (HELP.test(text) ? { kind: 'help' } : null) },
  {
    name: 'cancel-pending',
    match: ({ text }, ctx) =>
      ctx.pending && CANCEL.test(text) ? { kind: 'reply', text: 'OK, dropped that.', clearPending: true } : null,
  },
  { name: 'greeting', match: ({ text }) => (GREETING.test(text) ? { kind: 'help' } : null) },
  { name: 'thanks', match: ({ text }) => (THANKS.test(text) ? { kind: 'reply', text: 'Anytime! 👍' } : null) },
];

/**
 * Deterministic understanding: a pending question is answered first, then conversation rules,
 * then each tool module's rules in registry order.
 */
export function createRulesUnderstander(modules: ToolModule[]): Understander {
  const rules = [...conversationRules, ...modules.flatMap((m) => m.rules ?? [])];
  return {
    path: 'rules',
    async understand(raw, ctx): Promise<Understanding> {
      const input = { raw: raw.trim(), text: normalizeText(raw) };
      if (ctx.pending && !CANCEL.test(input.text)) {
        const owner = modules.find((m) => m.tools.some((t) => t.name === ctx.pending!.tool));
        const resumed = owner?.resume?.(ctx.pending, input, ctx);
        if (resumed) return resumed;
      }
      for (const rule of rules) {
        const result = rule.match(input, ctx);
        if (result) return result;
      }
      return { kind: 'unknown' };
    },
  };
}
