import { randomBytes } from 'node:crypto';
import http from 'node:http';
import twilio from 'twilio';
import { smsChannel } from '../../src/channels/sms/sms.channel.js';
import { consoleChannel } from '../../src/channels/console/console.channel.js';
import type { Database } from '../../src/db/init-db.js';
import { createErrand, type Errand } from '../../src/errand.js';
import type { Logger } from '../../src/logger.js';
import type { Interceptor } from '../../src/pipeline/types.js';
import type { ToolModule } from '../../src/tools/types.js';
import { fixedClock } from '../../src/time.js';
import { testDb } from './db.js';
import { startFakeTwilio, sid, type FakeTwilio } from './fake-twilio.js';
import { silentLogger, testConfig } from './fixtures.js';

export const ACCOUNT_SID = sid('AC', 'a1');
export const AUTH_TOKEN = '0123456789abcdef0123456789abcdef';
export const OUR_NUMBER = '+15550001111';
export const PUBLIC_BASE_URL = 'https://errand.example.com';
export const PERSON = '+15551230001';

export interface SmsHarness {
  errand: Errand;
  twilio: FakeTwilio;
  clock: ReturnType<typeof fixedClock>;
  /** Posts a form to the running app, signed for PUBLIC_BASE_URL unless told otherwise. */
  post(path: string, params: Record<string, string | string[]>, opts?: PostOptions): Promise<HttpResult>;
  /** An inbound SMS from PERSON to our number, with any field overridden. */
  inbound(body: string, overrides?: Record<string, string>, opts?: PostOptions): Promise<HttpResult>;
  stop(): Promise<void>;
}

export interface PostOptions {
  /** null: no signature header; a string: that header as is. */
  signature?: string | null;
  /** The URL the signature is computed for (default PUBLIC_BASE_URL + path). */
  signedUrl?: string;
  host?: string;
}

export interface HttpResult {
  status: number;
  body: string;
  contentType: string | undefined;
}

export const nextMessageSid = () => sid('SM', randomBytes(16).toString('hex'));

export interface SmsOptions {
  /** The channel's settings (TWILIO_*). */
  env?: Record<string, string>;
  /** The service's settings beyond the test defaults. */
  config?: Record<string, string>;
  interceptors?: Interceptor[];
  /** Another connection to the test database (a second instance); the test database's own by default. */
  db?: Database;
  clock?: ReturnType<typeof fixedClock>;
  modules?: ToolModule[];
  logger?: Logger;
}

export async function startSms(opts: SmsOptions = {}): Promise<SmsHarness> {
  const fake = await startFakeTwilio();
  const clock = opts.clock ?? fixedClock('2026-11-23T14:00:00Z');
  const errand = await createErrand({
    // The service's settings, then the channel's (TWILIO_*), each with the test's overrides.
    config: testConfig({
      PUBLIC_BASE_URL, HOST: '127.0.0.1', ...opts.config,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_FROM_NUMBER: OUR_NUMBER, TWILIO_API_BASE_URL: fake.url, ...opts.env,
    }),
    logger: opts.logger ?? silentLogger,
    db: opts.db ?? testDb(),
    clock,
    modules: opts.modules,
    channels: [consoleChannel, smsChannel],
    interceptors: opts.interceptors,
  });
  const url = await errand.listen();
  let stopped: Promise<void> | undefined;
  const post: SmsHarness['post'] = (path, params, o = {}) => {
    const signature = o.signature === undefined ? twilio.getExpectedTwilioSignature(AUTH_TOKEN, o.signedUrl ?? `${PUBLIC_BASE_URL}${path}`, params) : o.signature;
    return postForm(`${url}${path}`, params, { signature, host: o.host });
  };
  return {
    errand,
    twilio: fake,
    clock,
    post,
    inbound: (body, overrides = {}, o) =>
      post('/webhooks/twilio/sms', { MessageSid: nextMessageSid(), AccountSid: ACCOUNT_SID, From: PERSON, To: OUR_NUMBER, Body: body, NumMedia: '0', ...overrides }, o),
    /** Waits for work still in flight (late replies), then closes both servers; safe to call twice. */
    stop: () => (stopped ??= errand.stop().then(() => fake.close())),
  };
}

function postForm(url: string, params: Record<string, string | string[]>, o: { signature: string | null; host?: string }): Promise<HttpResult> {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of [value].flat()) form.append(key, v);
  const body = form.toString();
  const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) };
  if (o.signature !== null) headers['x-twilio-signature'] = o.signature;
  if (o.host) headers.host = o.host;
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers, agent: false }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, contentType: res.headers['content-type'] }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The text of every <Message> in a TwiML answer. */
export function twimlMessages(xml: string): string[] {
  return [...xml.matchAll(/<Message>([\s\S]*?)<\/Message>/g)].map((m) =>
    m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
  );
}
