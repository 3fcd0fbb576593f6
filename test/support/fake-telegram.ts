import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_TOKEN = '123456789:TEST-fake-token-for-errand-tests';
export const BOT_INFO = {
  id: 123456789, is_bot: true, first_name: 'Errand', username: 'errand_test_bot',
  can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false,
};

export interface ApiCall {
  method: string;
  payload: Record<string, any>;
  status: number;
}

/** A scripted answer instead of success: 429 with retry_after, 403, 400, 500… */
export interface Failure {
  status: number;
  description: string;
  retryAfter?: number;
}
export const TOO_MANY = (retryAfter: number): Failure => ({ status: 429, description: `Too Many Requests: retry after ${retryAfter}`, retryAfter });
export const BLOCKED: Failure = { status: 403, description: 'Forbidden: bot was blocked by the user' };
export const CHAT_NOT_FOUND: Failure = { status: 400, description: 'Bad Request: chat not found' };
export const SERVER_ERROR: Failure = { status: 500, description: 'Internal Server Error' };

export interface FakeTelegram {
  apiRoot: string;
  token: string;
  calls: ApiCall[];
  /** sendMessage calls that succeeded. */
  sent(): ApiCall[];
  failNext(method: string, ...failures: Failure[]): void;
  pushUpdates(...updates: object[]): void;
  webhookUrl: string;
  /** Resolves once `check` holds after some API call (or now). */
  waitFor(check: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** The Bot API on loopback: records every call, answers like Telegram, long-polls getUpdates. */
export async function startFakeTelegram(): Promise<FakeTelegram> {
  const calls: ApiCall[] = [];
  const failures = new Map<string, Failure[]>();
  const updates: Array<{ update_id: number }> = [];
  const polls = new Set<() => void>();
  const watchers = new Set<() => void>();
  let messageId = 1000;

  const fake: FakeTelegram = {
    apiRoot: '',
    token: FAKE_TOKEN,
    calls,
    webhookUrl: '',
    sent: () => calls.filter((c) => c.method === 'sendMessage' && c.status === 200),
    failNext: (method, ...f) => failures.set(method, [...(failures.get(method) ?? []), ...f]),
    pushUpdates: (...u) => {
      updates.push(...(u as Array<{ update_id: number }>));
      for (const wake of [...polls]) wake();
    },
    waitFor: (check, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        if (check()) return resolve();
        const timer = setTimeout(() => {
          watchers.delete(watch);
          reject(new Error('fake Telegram: condition not met in time'));
        }, timeoutMs);
        const watch = () => {
          if (!check()) return;
          clearTimeout(timer);
          watchers.delete(watch);
          resolve();
        };
        watchers.add(watch);
      }),
    close: async () => {
      for (const wake of [...polls]) wake();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const answer = (res: http.ServerResponse, status: number, body: object) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    const payload = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
    if (!match || match[1] !== FAKE_TOKEN) return answer(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = match[2]!;
    const failure = failures.get(method)?.shift();
    const call: ApiCall = { method, payload, status: failure?.status ?? 200 };
    if (failure) {
      calls.push(call);
      answer(res, failure.status, {
        ok: false, error_code: failure.status, description: failure.description,
        ...(failure.retryAfter ? { parameters: { retry_after: failure.retryAfter } } : {}),
      });
    } else if (method === 'getUpdates') {
      calls.push(call);
      await longPoll(payload, res);
      answer(res, 200, { ok: true, result: pending(payload) });
    } else {
      calls.push(call);
      answer(res, 200, { ok: true, result: result(method, payload) });
    }
    for (const watch of [...watchers]) watch();
  });

  function pending(payload: { offset?: number; limit?: number }) {
    const offset = payload.offset ?? 0;
    while (updates.length && updates[0]!.update_id < offset) updates.shift();
    return updates.slice(0, payload.limit ?? 100);
  }

  function longPoll(payload: { offset?: number; timeout?: number }, res: http.ServerResponse): Promise<void> {
    if (!payload.timeout || pending(payload).length) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        polls.delete(wake);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(wake, Math.min(payload.timeout!, 2) * 1000);
      polls.add(wake);
      res.once('close', wake);
    });
  }

  function result(method: string, payload: Record<string, any>): unknown {
    switch (method) {
      case 'getMe':
        return BOT_INFO;
      case 'sendMessage':
        return { message_id: ++messageId, from: BOT_INFO, chat: { id: Number(payload.chat_id), type: 'private' }, date: 1795442400, text: payload.text };
      case 'setWebhook':
        fake.webhookUrl = payload.url;
        return true;
      case 'deleteWebhook':
        fake.webhookUrl = '';
        return true;
      case 'getWebhookInfo':
        return { url: fake.webhookUrl, has_custom_certificate: false, pending_update_count: 0 };
      default:
        return true;
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
