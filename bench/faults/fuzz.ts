import http from 'node:http';
import { startFakeTelegram } from '../../test/support/fake-telegram.js';
import { startFakeTwilio } from '../../test/support/fake-twilio.js';
import { createLogger } from '../../src/logger.js';
import { toolModules } from '../../src/tools/index.js';
import { createUnderstander } from '../../src/understanding/index.js';
import { keepAliveAgent, post, round } from '../lib/load.js';
import { seeded, signedWebhook } from '../lib/messages.js';
import { startServer, type BenchServer } from '../lib/server.js';
import { ERRAND_DB, flag, freshDatabase, phones, sidFactory, writeResult } from '../lib/setup.js';
import { hostileText, malformedRequest, type RawRequest } from './hostile.js';
import { linkChats, telegramEnv, telegramOutcome, telegramRequest, type TelegramRequest } from './hostile-telegram.js';
import { runFault, verdict } from './harness.js';

const log = (s: string) => console.error(s);
const ZONES = ['UTC', 'America/New_York', 'Asia/Kathmandu', 'Pacific/Chatham', 'Australia/Lord_Howe', 'America/St_Johns'];

/** 100,000 random and adversarial texts straight into `understand` (rules, in this process): nothing may throw. */
async function fuzzUnderstand(count: number): Promise<{ texts: number; threw: number; kinds: Record<string, number>; examples: string[] }> {
  const understander = createUnderstander({ modules: toolModules, llm: null, logger: createLogger({ silent: true }) });
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
  /** Telegram requests answered otherwise than their case requires (an update refused, garbage accepted…). */
  telegramUnexpected: number;
  byKind: Record<string, Record<string, number>>;
  fiveHundreds: number;
  fourHundredsWithoutReason: number;
  connectionErrors: number;
  examples: string[];
}

/** SMS requests in their seeded order, with the Telegram ones spread evenly among them (their own random stream). */
function interleave(sms: number, telegram: number): Array<number | 'tg'> {
  const order: Array<number | 'tg'> = [];
  for (let i = 0, tg = 0; i < sms || tg < telegram; ) {
    const telegramTurn = tg < telegram && (i >= sms || tg * sms <= i * telegram);
    order.push(telegramTurn ? 'tg' : i);
    if (telegramTurn) tg++;
    else i++;
  }
  return order;
}

type Fuzzed = { tally: HttpTally; rssMb: number[] };

async function fuzzWebhooks(server: BenchServer, texts: number, malformed: number, tg: TelegramFuzz): Promise<Fuzzed> {
  const r = seeded(7);
  const rt = seeded(11);
  const senders = phones(1000, 700_000);
  const sid = sidFactory();
  const agent = keepAliveAgent(32);
  const t: HttpTally = { requests: 0, telegramUnexpected: 0, byKind: {}, fiveHundreds: 0, fourHundredsWithoutReason: 0, connectionErrors: 0, examples: [] };
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
  const order = interleave(total, tg.requests);
  let next = 0;
  let bigTelegram = 0;
  const worker = async () => {
    while (next < order.length) {
      const j = next++;
      if (j % Math.round(order.length / 20) === 0) {
        rssMb.push(round(server.rssMb()));
        log(`  ${j}/${order.length} requests, server RSS ${round(server.rssMb())} MB`);
      }
      const i = order[j]!;
      if (i === 'tg') {
        let req: TelegramRequest = telegramRequest(rt, tg.nextUpdateId);
        while (req.kind === 'tg-one-megabyte-json' && ++bigTelegram > 50) req = telegramRequest(rt, tg.nextUpdateId);
        const s = await send(server.url, req, agent);
        record(req.kind, s.status, s.body);
        if (s.status === req.expected) continue;
        t.telegramUnexpected++;
        if (t.examples.length < 10) t.examples.push(`${req.kind} → ${s.status}, expected ${req.expected}: ${s.body.slice(0, 120)}`);
      } else if (plan[i] === 'text') {
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

interface TelegramFuzz {
  requests: number;
  nextUpdateId: () => number;
}

async function main(): Promise<void> {
  const understandCount = flag('understand', 100_000);
  const texts = flag('texts', 5_000);
  const malformed = flag('malformed', 95_000);
  const telegram = flag('telegram', 10_000);
  log(`understand: ${understandCount} hostile texts in-process`);
  const understand = await fuzzUnderstand(understandCount);
  log(`understand: ${understand.threw} threw; kinds ${JSON.stringify(understand.kinds)}`);
  await freshDatabase(ERRAND_DB);
  const twilio = await startFakeTwilio();
  const fakeTelegram = await startFakeTelegram();
  const env = { LOG_LEVEL: 'error', ...telegramEnv(fakeTelegram) };
  const server = await startServer({ databaseUrl: ERRAND_DB, twilioApiUrl: twilio.url, name: 'fault-fuzz', env });
  let updateId = 1_000;
  const tg: TelegramFuzz = { requests: telegram, nextUpdateId: () => ++updateId };
  try {
    await linkChats(server.url, fakeTelegram, tg.nextUpdateId);
    log(`webhooks: ${texts} signed hostile texts through the pipeline + ${malformed} malformed requests + ${telegram} Telegram requests`);
    const { tally, rssMb } = await fuzzWebhooks(server, texts, malformed, tg);
    const alive = await fetch(`${server.url}/healthz`).then((res) => res.status, () => 0);
    await server.stop();
    const telegramAfter = await telegramOutcome(ERRAND_DB, fakeTelegram);
    const peakRssMb = round(server.peakRssMb());
    const result = { understand, webhooks: tally, telegram: telegramAfter, serverAlive: alive === 200, rssMb, peakRssMb };
    writeResult('fault-fuzz', result);
    console.log(JSON.stringify(result, null, 2));
    const clean = tally.fiveHundreds + tally.fourHundredsWithoutReason + tally.connectionErrors + tally.telegramUnexpected === 0;
    verdict(understand.threw === 0 && clean && telegramAfter.handlerFailures === 0 && alive === 200);
  } finally {
    await server.stop();
    await twilio.close();
    await fakeTelegram.close();
  }
}

runFault(main);
