import { z } from 'zod';
import { int, parseEnv, type Env } from '../config-env.js';

export interface LlmConfig {
  apiKey: string;
  /** Any OpenAI-compatible server (Ollama, vLLM, llama.cpp); unset: api.openai.com. */
  baseURL?: string;
  model: string;
  /** The whole budget of one model request, retries included. */
  timeoutMs: number;
  /** Retries of a 429 / 5xx / dropped connection inside that budget (the SDK honours retry-after). */
  maxRetries: number;
  historyMessages: number;
  maxToolCalls: number;
  /** Model requests per user per hour; a message that runs tools uses two. */
  maxCallsPerUserPerHour: number;
}

const schema = z.object({
  OPENAI_API_KEY: z.string().trim().min(1).optional(),
  OPENAI_BASE_URL: z.url({ message: 'expected a URL such as http://127.0.0.1:11434/v1' }).optional(),
  OPENAI_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  LLM_TIMEOUT_MS: int(8000, 100, 120_000),
  LLM_MAX_RETRIES: int(2, 0, 5),
  LLM_HISTORY_MESSAGES: int(10, 0, 100),
  LLM_MAX_TOOL_CALLS: int(5, 1, 20),
  LLM_MAX_CALLS_PER_USER_PER_HOUR: int(120, 1, 100_000),
});

/** The LLM settings, or null when OPENAI_API_KEY is unset (the rules answer alone). */
export function createLlmConfig(env: Env): LlmConfig | null {
  const e = parseEnv(schema, env, new Set(['OPENAI_API_KEY']));
  if (!e.OPENAI_API_KEY) return null;
  return {
    apiKey: e.OPENAI_API_KEY,
    baseURL: e.OPENAI_BASE_URL?.replace(/\/+$/, ''),
    model: e.OPENAI_MODEL,
    timeoutMs: e.LLM_TIMEOUT_MS,
    maxRetries: e.LLM_MAX_RETRIES,
    historyMessages: e.LLM_HISTORY_MESSAGES,
    maxToolCalls: e.LLM_MAX_TOOL_CALLS,
    maxCallsPerUserPerHour: e.LLM_MAX_CALLS_PER_USER_PER_HOUR,
  };
}
