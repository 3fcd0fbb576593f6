import type http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { FakeTwilio } from '../../test/support/fake-twilio.js';
import { twimlMessages } from '../../test/support/sms.js';
import { post, type Sent } from '../lib/load.js';
import type { Webhook } from '../lib/messages.js';
import { withClient } from '../lib/pgstat.js';
import { sleep } from '../lib/setup.js';

/** Twilio with `#rc=5&rp=5xx,ct,rt&tt=15000` on the webhook URL: up to 5 retries of a 5xx or a failed connection, all within 15 s. */
export const TWILIO_RETRY = { retries: 5, spacingMs: 1000, totalMs: 15_000 };

export interface Delivery {
  wh: Webhook;
  attempts: Sent[];
  /** The answer Twilio acted on: the first 2xx/4xx, or the last failure once it gave up. */
  final: Sent;
  /** Reply parts that went back inline in the accepted TwiML. */
  inline: string[];
}

const retriable = (s: Sent) => s.status === 0 || s.status >= 500;

export async function deliverLikeTwilio(url: () => string, wh: Webhook, agent: http.Agent | false): Promise<Delivery> {
  const started = performance.now();
  const attempts: Sent[] = [];
  for (let i = 0; i <= TWILIO_RETRY.retries; i++) {
    const s = await post(url(), wh, agent, Math.max(100, TWILIO_RETRY.totalMs - (performance.now() - started)));
    attempts.push(s);
    if (!retriable(s) || performance.now() - started + TWILIO_RETRY.spacingMs > TWILIO_RETRY.totalMs) break;
    await sleep(TWILIO_RETRY.spacingMs);
  }
  const final = attempts[attempts.length - 1]!;
  return { wh, attempts, final, inline: final.status === 200 ? twimlMessages(final.body) : [] };
}

export interface Tally {
  sent: number;
  /** Twilio got a 200 (the message is ours to answer). */
  accepted: number;
  /** Twilio gave up: every attempt failed (a real outage longer than its 15 s budget). */
  givenUp: number;
  /** Accepted messages answered at least once (inline TwiML or through the outbox). */
  replied: number;
  lost: number;
  /** Messages stored twice, or answered more than once. */
  duplicated: number;
  retriedAttempts: number;
  statuses: Record<string, number>;
  lostSids: string[];
  duplicatedSids: string[];
}

interface Row {
  provider_message_id: string;
  stored: number;
  outbox_sent: number;
  outbox_pending: number;
}

/** Joins what the client saw with what the database and the fake Twilio API recorded. */
export async function tally(dbUrl: string, deliveries: Delivery[], twilio: FakeTwilio): Promise<Tally> {
  const rows = await readRows(dbUrl, deliveries.map((d) => d.wh.sid));
  // What the person actually received through the API: the fake Twilio's own log, by recipient. Each sender
  // sends one message per run, so a recipient's count is that message's count (a resend after a crash shows).
  const sentTo = new Map<string, number>();
  for (const m of twilio.messages) sentTo.set(m.To ?? '', (sentTo.get(m.To ?? '') ?? 0) + 1);
  const perSender = new Map<string, number>();
  for (const d of deliveries) perSender.set(d.wh.from, (perSender.get(d.wh.from) ?? 0) + 1);
  const t: Tally = { sent: deliveries.length, accepted: 0, givenUp: 0, replied: 0, lost: 0, duplicated: 0, retriedAttempts: 0, statuses: {}, lostSids: [], duplicatedSids: [] };
  for (const d of deliveries) {
    for (const a of d.attempts) t.statuses[a.status] = (t.statuses[a.status] ?? 0) + 1;
    t.retriedAttempts += d.attempts.length - 1;
    const row = rows.get(d.wh.sid);
    const accepted = d.final.status === 200;
    if (accepted) t.accepted++;
    else if (retriable(d.final)) t.givenUp++;
    const viaApi = perSender.get(d.wh.from) === 1 ? (sentTo.get(d.wh.from) ?? 0) : (row?.outbox_sent ?? 0);
    const replies = (d.inline.length ? 1 : 0) + viaApi;
    if (accepted && replies > 0) t.replied++;
    if (accepted && replies === 0) {
      t.lost++;
      t.lostSids.push(d.wh.sid);
    }
    if ((row?.stored ?? 0) > 1 || replies > 1) {
      t.duplicated++;
      t.duplicatedSids.push(d.wh.sid);
    }
  }
  return t;
}

async function readRows(dbUrl: string, sids: string[]): Promise<Map<string, Row>> {
  return withClient(dbUrl, async (c) => {
    const { rows } = await c.query<Row>(
      `select m.provider_message_id, count(distinct m.id)::int as stored,
              count(o.id) filter (where o.status in ('sent', 'delivered'))::int as outbox_sent,
              count(o.id) filter (where o.status in ('queued', 'sending'))::int as outbox_pending
         from conversation_messages m
         left join outbound_messages o on o.source_type = 'reply' and o.source_id = m.id::text
        where m.role = 'user' and m.provider_message_id = any($1)
        group by m.provider_message_id`,
      [sids],
    );
    return new Map(rows.map((r) => [r.provider_message_id, r]));
  });
}

/**
 * Waits until nothing is owed any more: every accepted message without an inline reply has one through the
 * outbox, no stored message is still unanswered (the recovery job would answer it, maybe a second time),
 * and the outbox is empty. Bounded by `timeoutMs`.
 */
export async function waitForReplies(dbUrl: string, deliveries: Delivery[], timeoutMs: number, log: (s: string) => void): Promise<void> {
  const waiting = deliveries.filter((d) => d.final.status === 200 && d.inline.length === 0).map((d) => d.wh.sid);
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const rows = await readRows(dbUrl, waiting);
    const open = waiting.filter((sid) => (rows.get(sid)?.outbox_sent ?? 0) === 0).length;
    const [state] = await withClient(dbUrl, async (c) =>
      (await c.query<{ unanswered: number; outbox: number }>(
        `select (select count(*)::int from conversation_messages where role = 'user' and status = 'received') as unanswered,
                (select count(*)::int from outbound_messages where status in ('queued', 'sending')) as outbox`,
      )).rows,
    );
    const line = `  owed through the outbox: ${open}; stored but unanswered: ${state!.unanswered}; outbox not yet sent: ${state!.outbox}`;
    if (line !== last) log(line);
    last = line;
    if (open === 0 && state!.unanswered === 0 && state!.outbox === 0) return;
    await sleep(2000);
  }
  log('  gave up waiting');
}

export function tallyLine(name: string, t: Tally): string {
  return `| ${name} | ${t.sent} | ${t.accepted} | ${t.replied} | ${t.lost} | ${t.duplicated} | ${t.givenUp} | ${Object.entries(t.statuses).map(([s, n]) => `${s}: ${n}`).join(', ')} |`;
}

export const TALLY_HEADER = `| run | webhooks | accepted | replied | lost | duplicated | given up by Twilio | HTTP answers (all attempts) |
|---|---|---|---|---|---|---|---|`;

/** Open-loop load: webhook i leaves at t0 + i/rate, delivered with Twilio's retries; resolves with every delivery. */
export async function deliverPaced(url: () => string, next: () => Webhook, rate: number, seconds: number, agent: http.Agent | false): Promise<Delivery[]> {
  const t0 = Date.now();
  const deliveries: Promise<Delivery>[] = [];
  for (let i = 0; i < rate * seconds; i++) {
    const wait = t0 + (i * 1000) / rate - Date.now();
    if (wait > 0) await sleep(wait);
    deliveries.push(deliverLikeTwilio(url, next(), agent));
  }
  return Promise.all(deliveries);
}

/** Prints the run's verdict and sets the exit code scripts and CI read. */
export function verdict(ok: boolean, pass = 'PASS'): void {
  console.log(ok ? pass : 'FAIL');
  process.exitCode = ok ? 0 : 1;
}

/** Runs a fault script's main; an unexpected error fails the run. */
export function runFault(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
