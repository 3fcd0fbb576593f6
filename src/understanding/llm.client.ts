import type OpenAI from 'openai';
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { LlmConfig } from './llm.config.js';

/** Why the LLM path gave up; the rules answer instead and agent_logs records the reason. */
export type FallbackReason =
  | 'timeout'
  | 'api_error'
  | 'api_rate_limited'
  | 'api_unreachable'
  | 'user_rate_limit'
  | 'refusal'
  | 'empty_reply'
  | 'unknown_tool'
  | 'malformed_arguments'
  | 'invalid_arguments'
  | 'too_many_tool_calls'
  | 'unbacked_claim'
  | 'internal_error';

export class LlmFailure extends Error {
  constructor(
    readonly reason: FallbackReason,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'LlmFailure';
  }
}

export interface LlmClient {
  /** One chat completion within LLM_TIMEOUT_MS, retries included; failures are LlmFailure. */
  complete(params: ChatCompletionCreateParamsNonStreaming): Promise<ChatCompletion>;
}

type Sdk = typeof OpenAI;

/** The SDK is loaded on the first request: a gateway without an LLM never pays for importing it at start. */
let sdk: Promise<Sdk> | undefined;
const loadSdk = (): Promise<Sdk> => (sdk ??= import('openai').then((m) => m.default));

export function createLlmClient(config: LlmConfig): LlmClient {
  let client: OpenAI | undefined;
  const clientOf = (Sdk: Sdk) =>
    (client ??= new Sdk({
      apiKey: config.apiKey,
      baseURL: config.baseURL ?? null,
      timeout: config.timeoutMs,
      maxRetries: config.maxRetries,
      fetch: skipHopelessRetries(config.timeoutMs),
    }));
  return {
    async complete(params) {
      const Sdk = await loadSdk();
      const controller = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      // The SDK's timeout is per attempt and its retry sleeps ignore the signal: this bounds the whole call.
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(new LlmFailure('timeout', `no answer within ${config.timeoutMs} ms`));
        }, config.timeoutMs);
      });
      try {
        return await Promise.race([clientOf(Sdk).chat.completions.create(params, { signal: controller.signal }), deadline]);
      } catch (err) {
        throw classify(Sdk, err);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function classify(OpenAI: Sdk, err: unknown): LlmFailure {
  if (err instanceof LlmFailure) return err;
  if (err instanceof OpenAI.APIConnectionTimeoutError || err instanceof OpenAI.APIUserAbortError) return new LlmFailure('timeout', err.message);
  if (err instanceof OpenAI.APIConnectionError) return new LlmFailure('api_unreachable', err.message);
  if (err instanceof OpenAI.RateLimitError) return new LlmFailure('api_rate_limited', `HTTP 429: ${err.message}`);
  if (err instanceof OpenAI.APIError) return new LlmFailure('api_error', `HTTP ${err.status ?? '?'}: ${err.message}`.slice(0, 500));
  return new LlmFailure('api_error', err instanceof Error ? err.message : String(err));
}

/**
 * A 429/503 asking us to wait longer than the whole budget cannot succeed in time:
 * tell the SDK not to retry it (its own header), so the rules answer at once.
 */
function skipHopelessRetries(budgetMs: number): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (response.ok) return response;
    const waitMs = retryAfterMs(response.headers);
    if (waitMs === undefined || waitMs < budgetMs) return response;
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

function retryAfterMs(headers: Headers): number | undefined {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (!Number.isNaN(ms)) return ms;
  const raw = headers.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number.parseFloat(raw);
  if (!Number.isNaN(seconds)) return seconds * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : at - Date.now();
}
