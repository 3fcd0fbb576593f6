import type { ChatCompletion, ChatCompletionMessageFunctionToolCall } from 'openai/resources/chat/completions';
import { LlmFailure } from './llm.client.js';
import { claimsSuccess } from './llm.guard.js';
import { stripNulls, type FunctionTool } from './llm.schema.js';

/** A tool call the model made, checked: a listed tool, JSON arguments that pass the tool's zod schema. */
export interface CheckedCall {
  id: string;
  tool: string;
  args: Record<string, unknown>;
  raw: ChatCompletionMessageFunctionToolCall;
}

export type FirstAnswer =
  | { kind: 'tools'; calls: CheckedCall[]; content: string | null }
  | { kind: 'reply'; text: string };

const MAX_CHAT_REPLY = 640;

/** Reads the model's first answer; anything we cannot trust is an LlmFailure, so the rules answer instead. */
export function readFirstAnswer(completion: ChatCompletion, functions: Map<string, FunctionTool>, maxToolCalls: number): FirstAnswer {
  const choice = completion.choices[0];
  const message = choice?.message;
  if (!message) throw new LlmFailure('empty_reply', 'the response had no choices');
  if (message.refusal || choice.finish_reason === 'content_filter') throw new LlmFailure('refusal', message.refusal ?? 'content filter');
  const toolCalls = message.tool_calls ?? [];
  if (toolCalls.length > maxToolCalls) throw new LlmFailure('too_many_tool_calls', `${toolCalls.length} calls, at most ${maxToolCalls} allowed`);
  if (toolCalls.length) return { kind: 'tools', calls: toolCalls.map((call) => checkCall(call, functions)), content: message.content ?? null };

  const text = message.content?.trim();
  if (!text) throw new LlmFailure('empty_reply', `finish reason ${choice.finish_reason}`);
  // No tool ran, so a reply saying something was stored would be a lie.
  if (claimsSuccess(text)) throw new LlmFailure('unbacked_claim', text.slice(0, 200));
  return { kind: 'reply', text: text.length > MAX_CHAT_REPLY ? `${text.slice(0, MAX_CHAT_REPLY - 1)}…` : text };
}

function checkCall(call: NonNullable<ChatCompletion['choices'][number]['message']['tool_calls']>[number], functions: Map<string, FunctionTool>): CheckedCall {
  if (call.type !== 'function') throw new LlmFailure('unknown_tool', `a ${call.type} tool call`);
  const fn = functions.get(call.function.name);
  if (!fn) throw new LlmFailure('unknown_tool', JSON.stringify(call.function.name).slice(0, 100));
  let args: unknown;
  try {
    args = call.function.arguments?.trim() ? JSON.parse(call.function.arguments) : {};
  } catch {
    throw new LlmFailure('malformed_arguments', `${fn.functionName}: ${call.function.arguments.slice(0, 200)}`);
  }
  if (typeof args !== 'object' || args === null || Array.isArray(args)) {
    throw new LlmFailure('malformed_arguments', `${fn.functionName}: arguments are not a JSON object`);
  }
  stripNulls(args, fn.nullablePaths);
  const parsed = fn.tool.schema.safeParse(args);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new LlmFailure('invalid_arguments', `${fn.functionName}: ${issues}`.slice(0, 500));
  }
  // The raw arguments go on: the pipeline parses them again, once, right before the handler runs.
  return { id: call.id, tool: fn.tool.name, args: args as Record<string, unknown>, raw: call };
}
