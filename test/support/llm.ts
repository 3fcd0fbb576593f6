import type { ToolModule } from '../../src/tools/types.js';
import { createUnderstander } from '../../src/understanding/index.js';
import { createLlmConfig } from '../../src/understanding/llm.config.js';
import type { UnderstandingTrace } from '../../src/understanding/types.js';
import type { FakeOpenAI } from './fake-openai.js';
import { silentLogger } from './fixtures.js';
import { notesModule } from './notes-module.js';
import { makePipeline, sql } from './pipeline.js';

export const TEST_API_KEY = 'sk-test-secret-do-not-leak';

export function llmEnv(fake: FakeOpenAI, env: Record<string, string> = {}): Record<string, string> {
  return { OPENAI_API_KEY: TEST_API_KEY, OPENAI_BASE_URL: fake.url, OPENAI_MODEL: 'fake-model', LLM_TIMEOUT_MS: '2000', LLM_MAX_RETRIES: '1', ...env };
}

/** The real pipeline with LLM-first understanding pointed at the fake server, over the test notes module. */
export function makeLlmPipeline(fake: FakeOpenAI, env: Record<string, string> = {}, modules: ToolModule[] = [notesModule]) {
  return makePipeline({ modules, understander: createUnderstander({ modules, llm: createLlmConfig(llmEnv(fake, env)), logger: silentLogger }) });
}

export interface LogRow {
  understanding: 'llm' | 'rules';
  tool_called: string | null;
  agent_response: string;
  memory_used: UnderstandingTrace | null;
  error: string | null;
  message_id: string;
}

export function agentLogs(): Promise<LogRow[]> {
  return sql<LogRow>('select understanding, tool_called, agent_response, memory_used, error, message_id::text as message_id from agent_logs order by id');
}

export async function notesOf(phone: string): Promise<string[]> {
  const rows = await sql<{ content: string }>(
    `select m.content from conversation_messages m join users u on u.id = m.user_id
     where m.message_type = 'note' and u.phone_number = $1 order by m.id`,
    [phone],
  );
  return rows.map((r) => r.content);
}

export function toolRows(): Promise<{ tool_name: string; tool_success: boolean; content: string }[]> {
  return sql(`select tool_name, tool_success, content from conversation_messages where role = 'tool' order by id`);
}
