import type { PendingRequest } from '../entities/conversation-state.entity.js';
import { toldReply } from '../understanding/told.js';
import type { Tool, ToolContext, ToolResult } from '../tools/types.js';
import type { Understanding } from '../understanding/types.js';
import { helpReply, unknownReply } from './replies.js';
import type { ToolModule } from '../tools/types.js';

export interface ToolRun {
  tool: string;
  args: unknown;
  ok: boolean;
  result: ToolResult | { ok: false; reply: string; error: string };
}

export interface Outcome {
  reply: string;
  runs: ToolRun[];
  /** undefined leaves the conversation's pending request as it is; null clears it. */
  pending: PendingRequest | null | undefined;
}

/** Turns an understanding into a reply, running tools with arguments validated against their schemas. */
export async function runUnderstanding(
  understanding: Understanding,
  ctx: ToolContext,
  tools: Map<string, Tool<any>>,
  modules: ToolModule[],
): Promise<Outcome> {
  switch (understanding.kind) {
    case 'help':
      return { reply: helpReply(modules), runs: [], pending: undefined };
    case 'unknown':
      return { reply: unknownReply(modules), runs: [], pending: undefined };
    case 'reply':
      return { reply: understanding.text, runs: [], pending: understanding.clearPending ? null : undefined };
    case 'clarify':
      return { reply: understanding.question, runs: [], pending: understanding.pending };
    case 'tools':
      return runTools(understanding.calls, ctx, tools, modules);
  }
}

async function runTools(calls: { tool: string; args: unknown }[], ctx: ToolContext, tools: Map<string, Tool<any>>, modules: ToolModule[]): Promise<Outcome> {
  const runs: ToolRun[] = [];
  let pending: PendingRequest | null = null;
  for (const call of calls) {
    const tool = tools.get(call.tool);
    if (!tool) {
      runs.push({ tool: call.tool, args: call.args, ok: false, result: { ok: false, reply: unknownReply(modules), error: 'unknown tool' } });
      continue;
    }
    const parsed = tool.schema.safeParse(call.args);
    if (!parsed.success) {
      const error = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      const reply = toldReply(parsed.error.issues) ?? unknownReply(modules);
      runs.push({ tool: call.tool, args: call.args, ok: false, result: { ok: false, reply, error } });
      continue;
    }
    const result = await tool.execute.call(tool, parsed.data, ctx);
    if (result.pending) pending = result.pending;
    runs.push({ tool: result.handedTo?.tool ?? call.tool, args: result.handedTo?.args ?? parsed.data, ok: result.ok, result });
  }
  const replies = [...new Set(runs.map((r) => r.result.reply))];
  return { reply: replies.join('\n'), runs, pending };
}
