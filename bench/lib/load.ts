import autocannon from 'autocannon';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Webhook } from './messages.js';
import { SMS_PATH, sleep } from './setup.js';

export interface Saturation {
  connections: number;
  seconds: number;
  requests: number;
  perSecond: number;
  non2xx: number;
  errors: number;
  latencyMs: { p50: number; p99: number; max: number };
}

/** Closed loop: `connections` keep-alive connections, each sending its next webhook as soon as the last is answered. */
export async function saturate(url: string, next: () => Webhook, connections: number, seconds: number): Promise<Saturation> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: SMS_PATH,
        setupRequest: (req) => {
          const wh = next();
          return { ...req, method: 'POST', path: SMS_PATH, headers: wh.headers, body: wh.body };
        },
      },
    ],
  });
  const ok = result['2xx'];
  return {
    connections,
    seconds: result.duration,
    requests: ok,
    perSecond: ok / result.duration,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
  };
}

export interface Sent {
  wh: Webhook;
  status: number;
  body: string;
  ms: number;
  error?: string;
}

export function keepAliveAgent(maxSockets = 64): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets });
}

/** One webhook POST; a connection error resolves with status 0 instead of throwing. */
export function post(url: string, wh: Webhook, agent: http.Agent | false, timeoutMs = 20_000, path = SMS_PATH): Promise<Sent> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.request(`${url}${path}`, { method: 'POST', agent, headers: { ...wh.headers, 'content-length': Buffer.byteLength(wh.body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ wh, status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
      res.on('error', (err) => resolve({ wh, status: 0, body: '', ms: performance.now() - started, error: err.message }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', (err) => resolve({ wh, status: 0, body: '', ms: performance.now() - started, error: err.message }));
    req.end(wh.body);
  });
}

export interface Paced {
  rate: number;
  seconds: number;
  sent: number;
  ok: number;
  statuses: Record<string, number>;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
}

/**
 * Open loop at a fixed offered rate: request i is due at start + i/rate and its latency is measured from
 * that due time, so a stall on the server counts against every request it delayed (no coordinated omission).
 */
export async function paced(url: string, next: () => Webhook, rate: number, seconds: number, onResult?: (s: Sent) => void): Promise<Paced> {
  const agent = keepAliveAgent(256);
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const inflight: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const wh = next();
    inflight.push(
      post(url, wh, agent).then((s) => {
        latencies.push(performance.now() - due);
        statuses[s.status] = (statuses[s.status] ?? 0) + 1;
        onResult?.(s);
      }),
    );
  }
  await Promise.all(inflight);
  agent.destroy();
  return { rate, seconds, sent: total, ok: statuses['200'] ?? 0, statuses, latencyMs: percentiles(latencies) };
}

export function percentiles(values: number[]): { p50: number; p95: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round(sorted[sorted.length - 1] ?? 0) };
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
