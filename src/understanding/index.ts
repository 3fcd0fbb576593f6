import type { Logger } from '../logger.js';
import type { ToolModule } from '../tools/types.js';
import type { LlmClient } from './llm.client.js';
import type { LlmConfig } from './llm.config.js';
import { createLlmUnderstander, LlmFallback } from './llm.js';
import { createRulesUnderstander } from './rules.js';
import { questionWouldWrite } from './gate.js';
import type { IntentClassifier } from './intent/classifier.js';
import type { Understander, Understanding } from './types.js';

export interface UnderstanderDeps {
  modules: ToolModule[];
  /** Config's `llm`: null means the rules alone. */
  llm: LlmConfig | null;
  logger: Logger;
  client?: LlmClient;
  classifier?: IntentClassifier;
}

/**
 * The rules alone, or — when OPENAI_API_KEY is set — the LLM first with the rules as the safety net:
 * whatever goes wrong on the LLM path, the rules answer and the trace says why.
 */
export function createUnderstander(deps: UnderstanderDeps): Understander {
  const rules = createRulesUnderstander(deps.modules, deps.classifier);
  const config = deps.llm;
  if (!config) return rules;
  const llm = createLlmUnderstander({ config, modules: deps.modules, logger: deps.logger, client: deps.client });
  deps.logger.info('LLM understanding on', { model: config.model, baseURL: config.baseURL ?? 'api.openai.com' });

  return {
    path: 'llm',
    async understand(text, ctx): Promise<Understanding> {
      // An open question ("when?", "clear everything — yes or no?") is a small state machine the rules own.
      if (ctx.pending) {
        const byRules = await rules.understand(text, ctx);
        if (byRules.kind !== 'unknown') return { ...byRules, trace: { path: 'rules', fallback: 'pending_request' } };
      }
      try {
        const byModel = await llm.understand(text, ctx);
        if (!questionWouldWrite(byModel, text)) return byModel;
        // A question never writes, whoever read it: the rules' gate turns it into the matching lookup.
        const byRules = await rules.understand(text, ctx);
        return { ...byRules, trace: { ...byModel.trace, path: 'rules', fallback: 'question_would_write' } };
      } catch (err) {
        const fallback = err instanceof LlmFallback ? err : undefined;
        const reason = fallback?.failure.reason ?? 'internal_error';
        const detail = fallback?.failure.detail ?? (err instanceof Error ? err.message : String(err));
        deps.logger.warn('LLM understanding failed; the rules answer', { reason });
        deps.logger.debug('LLM failure detail', { reason, detail });
        const byRules = await rules.understand(text, ctx);
        return { ...byRules, trace: { ...fallback?.trace, path: 'rules', fallback: reason, fallbackDetail: detail.slice(0, 300) } };
      }
    },
  };
}
