import type { ChatCompletionCreateParamsNonStreaming, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { performance } from 'node:perf_hooks';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Logger } from '../logger.js';
import type { ToolModule } from '../tools/types.js';
import { readFirstAnswer, type CheckedCall } from './llm.calls.js';
import { createLlmClient, LlmFailure, type LlmClient } from './llm.client.js';
import type { LlmConfig } from './llm.config.js';
import { chooseReply, type Chosen } from './llm.guard.js';
import { systemPrompt } from './llm.prompt.js';
import { functionTools } from './llm.schema.js';
import type { ToolReport, UnderstandContext, Understander, Understanding, UnderstandingTrace } from './types.js';

export interface LlmUnderstanderDeps {
  config: LlmConfig;
  modules: ToolModule[];
  logger: Logger;
  client?: LlmClient;
}

/** An understanding failure carrying what the LLM path had done so far, for agent_logs. */
export class LlmFallback extends Error {
  constructor(
    readonly failure: LlmFailure,
    readonly trace: UnderstandingTrace,
  ) {
    super(failure.message);
    this.name = 'LlmFallback';
  }
}

const MAX_INPUT_CHARS = 2000;

/**
 * Understanding by chat-completions tool calling over the registry's tools. The first request picks tools;
 * `word` (called by the pipeline after the tools' transaction) sends their results back for the final reply.
 * Every failure throws LlmFallback so the rules can answer instead.
 */
export function createLlmUnderstander(deps: LlmUnderstanderDeps): Understander {
  const { config, logger } = deps;
  const client = deps.client ?? createLlmClient(config);
  const functions = functionTools(deps.modules.flatMap((m) => m.tools));
  const definitions = [...functions.values()].map((f) => f.definition);
  const limiter = new RateLimiterMemory({ points: config.maxCallsPerUserPerHour, duration: 3600 });

  async function request(
    messages: ChatCompletionMessageParam[],
    ctx: UnderstandContext,
    trace: UnderstandingTrace,
    toolChoice: 'auto' | 'none',
  ) {
    await limiter.consume(String(ctx.userId ?? 'anonymous')).catch(() => {
      throw new LlmFailure('user_rate_limit', `more than ${config.maxCallsPerUserPerHour} model requests in an hour`);
    });
    const params: ChatCompletionCreateParamsNonStreaming = { model: config.model, messages };
    if (definitions.length) Object.assign(params, { tools: definitions, tool_choice: toolChoice });
    const started = performance.now();
    trace.requests = (trace.requests ?? 0) + 1;
    try {
      const completion = await client.complete(params);
      trace.promptTokens = (trace.promptTokens ?? 0) + (completion.usage?.prompt_tokens ?? 0);
      trace.completionTokens = (trace.completionTokens ?? 0) + (completion.usage?.completion_tokens ?? 0);
      return completion;
    } finally {
      trace.llmLatencyMs = (trace.llmLatencyMs ?? 0) + Math.round(performance.now() - started);
    }
  }

  async function word(
    conversation: ChatCompletionMessageParam[],
    first: { calls: CheckedCall[]; content: string | null },
    runs: ToolReport[],
    toolsReply: string,
    ctx: UnderstandContext,
    trace: UnderstandingTrace,
  ): Promise<string> {
    let chosen: Chosen;
    try {
      if (runs.length !== first.calls.length) throw new LlmFailure('internal_error', 'tool results do not match the calls');
      const messages: ChatCompletionMessageParam[] = [
        ...conversation,
        { role: 'assistant', content: first.content, tool_calls: first.calls.map((c) => c.raw) },
        ...runs.map((run, i) => ({
          role: 'tool' as const,
          tool_call_id: first.calls[i]!.id,
          content: JSON.stringify({ ok: run.ok, reply: run.reply, ...(run.error ? { error: run.error } : {}) }),
        })),
      ];
      const message = (await request(messages, ctx, trace, 'none')).choices[0]?.message;
      if (message?.refusal) chosen = { text: toolsReply, from: 'tools', reason: 'refusal' };
      else if (message?.tool_calls?.length) chosen = { text: toolsReply, from: 'tools', reason: 'tool_calls_while_wording' };
      else chosen = chooseReply(message?.content, runs, toolsReply);
    } catch (err) {
      const reason = err instanceof LlmFailure ? err.reason : 'internal_error';
      logger.warn('LLM wording failed; sending the tools\' replies', { reason, error: err instanceof Error ? err.message : String(err) });
      chosen = { text: toolsReply, from: 'tools', reason };
    }
    trace.replyFrom = chosen.from;
    if (chosen.reason) trace.replyReason = chosen.reason;
    return chosen.text;
  }

  return {
    path: 'llm',
    async understand(text, ctx): Promise<Understanding> {
      const trace: UnderstandingTrace = { path: 'llm', model: config.model, history: [], requests: 0, promptTokens: 0, completionTokens: 0, llmLatencyMs: 0 };
      try {
        const history = ctx.history && config.historyMessages > 0 ? await ctx.history(config.historyMessages) : [];
        trace.history = history.map((h) => h.id);
        const conversation: ChatCompletionMessageParam[] = [
          { role: 'system', content: systemPrompt({ now: ctx.now, timezone: ctx.timezone, userName: ctx.userName, tools: [...functions.values()] }) },
          ...history.map((h) => ({ role: h.role, content: h.content.slice(0, MAX_INPUT_CHARS) })),
          { role: 'user', content: text.slice(0, MAX_INPUT_CHARS) },
        ];
        const first = readFirstAnswer(await request(conversation, ctx, trace, 'auto'), functions, config.maxToolCalls);
        if (first.kind === 'reply') return { kind: 'reply', text: first.text, trace: { ...trace, replyFrom: 'model' } };
        return {
          kind: 'tools',
          calls: first.calls.map((c) => ({ tool: c.tool, args: c.args })),
          trace,
          word: (runs, toolsReply) => word(conversation, first, runs, toolsReply, ctx, trace),
        };
      } catch (err) {
        const failure = err instanceof LlmFailure ? err : new LlmFailure('internal_error', err instanceof Error ? err.message : String(err));
        throw new LlmFallback(failure, trace);
      }
    },
  };
}
