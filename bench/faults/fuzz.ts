import http from 'node:http';
import { startFakeTwilio } from '../../test/support/fake-twilio.js';
import { createLogger } from '../../src/logger.js';
import { toolModules } from '../../src/tools/index.js';
import { createUnderstander } from '../../src/understanding/index.js';
import { keepAliveAgent, post, round } from '../lib/load.js';
import { seeded, signedWebhook } from '../lib/messages.js';
import { startServer, type BenchServer } from '../lib/server.js';
import { ERRAND_DB, flag, freshDatabase, phones, sidFactory, writeResult } from '../lib/setup.js';
import { hostileText, malformedRequest, type RawRequest } from './hostile.js';
import { runFault, verdict } from './harness.js';

const log = (s: string) => console.error(s);
const ZONES = ['UTC', 'America/New_York', 'Asia/Kathmandu', 'Pacific/Chatham', 'Australia/Lord_Howe', 'America/St_Johns'];

/** 100,000 random and adversarial texts straight into `understand` (rules, in this process): nothing may throw. */
async function fuzzUnderstand(count: number): Promise<{ texts: number; threw: number; kinds: Record<string, number>; examples: string[] }> {
  const understander = createUnderstander({ modules: toolModules, env: {}, logger: createLogger({ silent: true }) });
  const r = seeded(99);
  const kinds: Record<string, number> = {};
  const examples: string[] = [];
  let threw = 0;
  for (let i = 0; i < count; i++) {
    const text = hostileText(r);
    try {
      const u = await understander.understand(text, { now: new Date(Date.UTC(2026, 10, 23, 14) + i * 7_919_000), timezone: ZONES[i % ZONES.length]!, defaultCurrency: 'USD', pending: null, history: async () => [] });
      kinds[u.kind] = (kinds[u.kind] ?? 0) + 1;
    } catch (err) {
      threw++;
      if (examples.length < 10) examples.push(`${JSON.stringify(text.slice(0, 80))}: ${String(err).slice(0, 200)}`);
    }
  }
  return { texts: count, threw, kinds, examples };
}

function send(url: string, req: RawRequest, agent: http.Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const r = http.request(`${url}${req.path}`, { method: req.method, agent, headers: { ...req.headers, 'content-length': Buffer.byteLength(req.body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    r.setTimeout(30_000, () => r.destroy(new Error('timeout')));
    r.on('error', () => resolve({ status: 0, body: '' }));
    r.end(req.body);
  });
}

interface HttpTally {
  requests: number;
  byKind: Record<string, Record<string, number>>;
  fiveHundreds: number;
  fourHundredsWithoutReason: number;
  connectionErrors: number;
  examples: string[];
}

async function fuzzWebhooks(server: BenchServer, texts: number, malformed: number): Promise<{ tally: HttpTally; rssMb: number[] }> {
  const r = seeded(7);
  const senders = phones(1000, 700_000);
  const sid = sidFactory();
  const agent = keepAliveAgent(32);
  const t: HttpTally = { requests: 0, byKind: {}, fiveHundreds: 0, fourHundredsWithoutReason: 0, connectionErrors: 0, examples: [] };
  const rssMb: number[] = [];
  let big = 0;
  const record = (kind: string, status: number, body: string) => {
    t.requests++;
    (t.byKind[kind] ??= {})[status] = (t.byKind[kind]![status] ?? 0) + 1;
    if (status === 0) t.connectionErrors++;
    if (status >= 500) {
      t.fiveHundreds++;
      if (t.examples.length < 10) t.examples.push(`${kind} → ${status} ${body.slice(0, 200)}`);
    }
    if (status >= 400 && status < 500 && !/"message":"[^"]+/.test(body)) t.fourHundredsWithoutReason++;
  };
  const total = texts + malformed;
  const plan = Array.from({ length: total }, (_, i) => (i % Math.max(1, Math.round(total / Math.max(1, texts))) === 0 && i / total < 1 ? 'text' : 'bad'));
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      if (i % Math.round(total / 20) === 0) {
        rssMb.push(round(server.rssMb()));
        log(`  ${i}/${total} requests, server RSS ${round(server.rssMb())} MB`);
      }
      if (plan[i] === 'text') {
        const s = await post(server.url, signedWebhook(senders[i % senders.length]!, hostileText(r), sid()), agent, 30_000);
        record('signed-hostile-text', s.status, s.body);
      } else {
        let req = malformedRequest(r, sid, senders[i % senders.length]!);
        while (req.kind.startsWith('one-megabyte') && ++big > 200) req = malformedRequest(r, sid, senders[i % senders.length]!);
        const s = await send(server.url, req, agent);
        record(req.kind, s.status, s.body);
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  agent.destroy();
  rssMb.push(round(server.rssMb()));
  return { tally: t, rssMb };
}

async function main(): Promise<void> {
  const understandCount = flag('understand', 100_000);
  const texts = flag('texts', 5_000);
  const malformed = flag('malformed', 95_000);
  log(`understand: ${understandCount} hostile texts in-process`);
  const understand = await fuzzUnderstand(understandCount);
  log(`understand: ${understand.threw} threw; kinds ${JSON.stringify(understand.kinds)}`);
  await freshDatabase(ERRAND_DB);
  const twilio = await startFakeTwilio();
  const server = await startServer({ databaseUrl: ERRAND_DB, twilioApiUrl: twilio.url, name: 'fault-fuzz', env: { LOG_LEVEL: 'error' } });
  try {
    log(`webhooks: ${texts} signed hostile texts through the pipeline + ${malformed} malformed requests`);
    const { tally, rssMb } = await fuzzWebhooks(server, texts, malformed);
    const alive = await fetch(`${server.url}/healthz`).then((res) => res.status, () => 0);
    const result = { understand, webhooks: tally, serverAlive: alive === 200, rssMb, peakRssMb: round(server.peakRssMb()) };
    writeResult('fault-fuzz', result);
    console.log(JSON.stringify(result, null, 2));
    const ok = understand.threw === 0 && tally.fiveHundreds === 0 && tally.fourHundredsWithoutReason === 0 && tally.connectionErrors === 0 && alive === 200;
    verdict(ok);
  } finally {
    await server.stop();
    await twilio.close();
  }
}

runFault(main);
