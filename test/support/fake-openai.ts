import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One canned answer: an HTTP status, headers and a JSON body, optionally after a delay. */
export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
}

export interface RecordedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: ChatRequest;
  at: number;
}

/** The parts of a chat-completions request the tests look at. */
export interface ChatRequest {
  model: string;
  messages: { role: string; content: string | null; tool_calls?: { id: string; function: { name: string } }[]; tool_call_id?: string }[];
  tools?: { type: string; function: { name: string; description: string; parameters: Record<string, unknown>; strict?: boolean } }[];
  tool_choice?: string;
}

export interface FakeOpenAI {
  /** The base URL to give the SDK (…/v1). */
  url: string;
  requests: RecordedRequest[];
  /** Appends canned answers; each request takes the next one. An empty queue answers 500. */
  script(...replies: FakeReply[]): void;
  /** Resolves once `count` requests have arrived. */
  waitForRequests(count: number): Promise<void>;
  reset(): void;
  close(): Promise<void>;
}

/** An OpenAI-compatible chat-completions server on loopback, driven by a per-test script. */
export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  let queue: FakeReply[] = [];
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let waiters: { count: number; resolve: () => void }[] = [];

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      requests.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(raw || '{}') as ChatRequest, at: Date.now() });
      waiters = waiters.filter((w) => (requests.length >= w.count ? (w.resolve(), false) : true));
      const reply = queue.shift() ?? { status: 500, body: { error: { message: 'the fake has no scripted response left', type: 'server_error' } } };
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
        res.end(JSON.stringify(reply.body ?? {}));
      };
      if (!reply.delayMs) return send();
      const timer = setTimeout(() => {
        timers.delete(timer);
        send();
      }, reply.delayMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...replies) => void queue.push(...replies),
    waitForRequests: (count) =>
      requests.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    reset() {
      queue = [];
      requests.length = 0;
      waiters = [];
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let nextId = 0;
const usage = { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 };

function completion(message: Record<string, unknown>, finishReason: string): FakeReply {
  return {
    body: {
      id: `chatcmpl-${++nextId}`,
      object: 'chat.completion',
      created: 1_795_000_000,
      model: 'fake-model',
      choices: [{ index: 0, message: { role: 'assistant', content: null, refusal: null, ...message }, finish_reason: finishReason, logprobs: null }],
      usage,
    },
  };
}

/** The model answers in words. */
export function textReply(content: string): FakeReply {
  return completion({ content }, 'stop');
}

/** The model calls tools; `args` may be a raw string to send malformed JSON. */
export function toolCalls(...calls: { name: string; args: Record<string, unknown> | string }[]): FakeReply {
  return completion(
    {
      tool_calls: calls.map((c, i) => ({
        id: `call_${nextId + 1}_${i}`,
        type: 'function',
        function: { name: c.name, arguments: typeof c.args === 'string' ? c.args : JSON.stringify(c.args) },
      })),
    },
    'tool_calls',
  );
}

export function refusal(text: string): FakeReply {
  return completion({ refusal: text }, 'stop');
}

export function httpError(status: number, headers: Record<string, string> = {}): FakeReply {
  return { status, headers, body: { error: { message: `fake ${status}`, type: status === 429 ? 'rate_limit_exceeded' : 'server_error' } } };
}

/** Registers mocha hooks that start one fake server for the suite and reset it (and the database) before each test. */
export function useFakeOpenAI(resetDb: () => Promise<void>): () => FakeOpenAI {
  let fake: FakeOpenAI | undefined;
  before(async () => {
    fake = await startFakeOpenAI();
  });
  after(async () => fake?.close());
  beforeEach(async () => {
    fake!.reset();
    await resetDb();
  });
  return () => fake!;
}
