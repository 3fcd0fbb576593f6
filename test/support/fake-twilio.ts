import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  /** The account SID from HTTP basic auth. */
  user: string;
}

/** What the next message creation should do instead of succeeding. */
export type ScriptedFailure = { status: number; code?: number; message?: string } | 'drop-connection';

export interface FakeTwilio {
  url: string;
  requests: RecordedRequest[];
  /** Every accepted messages.create, with the SID it was given. */
  messages: (Record<string, string> & { Sid: string })[];
  failNext(...failures: ScriptedFailure[]): void;
  /** Resolves once `count` messages have been accepted. */
  waitForMessages(count: number): Promise<FakeTwilio['messages']>;
  /** The webhooks as Twilio holds them: set them to what the Console had; updates are kept here. */
  webhooks: { numberSmsUrl: string | null; serviceInboundUrl: string | null };
  close(): Promise<void>;
}

export interface FakeTwilioOptions {
  /** When set, a request whose basic-auth password differs is answered 401 "Authenticate", as Twilio does. */
  authToken?: string;
}

export function sid(prefix: string, n: number | string): string {
  return `${prefix}${String(n).padStart(32, '0')}`.slice(0, 34);
}

/** A Twilio REST API on loopback, enough for messages, phone numbers and messaging services. */
export async function startFakeTwilio(options: FakeTwilioOptions = {}): Promise<FakeTwilio> {
  const webhooks: FakeTwilio['webhooks'] = { numberSmsUrl: null, serviceInboundUrl: null };
  const requests: RecordedRequest[] = [];
  const messages: FakeTwilio['messages'] = [];
  const failures: ScriptedFailure[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const params = Object.fromEntries(new URLSearchParams(raw || url.search));
      const [user = '', password] = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString().split(':');
      requests.push({ method: req.method ?? '', path: url.pathname, params, user });
      const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (options.authToken !== undefined && password !== options.authToken) {
        return json(401, { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 });
      }

      if (req.method === 'POST' && /\/Messages\.json$/.test(url.pathname)) {
        const failure = failures.shift();
        if (failure === 'drop-connection') return req.socket.destroy();
        if (failure) return json(failure.status, { code: failure.code, message: failure.message ?? 'scripted failure', status: failure.status });
        const message = { ...params, Sid: sid('SM', `f${messages.length + 1}`) };
        messages.push(message);
        for (const w of waiters.filter((w) => messages.length >= w.count)) w.resolve();
        return json(201, { sid: message.Sid, status: 'queued', to: params.To, from: params.From ?? null, body: params.Body, account_sid: user, num_segments: '1' });
      }
      if (req.method === 'GET' && /\/IncomingPhoneNumbers\.json$/.test(url.pathname)) {
        const phone = url.searchParams.get('PhoneNumber');
        const list = phone ? [{ sid: sid('PN', 1), phone_number: phone, sms_url: webhooks.numberSmsUrl, sms_method: 'POST' }] : [];
        return json(200, { incoming_phone_numbers: list, page: 0, page_size: 50, next_page_uri: null, uri: url.pathname });
      }
      if (req.method === 'POST' && /\/IncomingPhoneNumbers\/PN\w+\.json$/.test(url.pathname)) {
        webhooks.numberSmsUrl = params.SmsUrl ?? webhooks.numberSmsUrl;
        return json(200, { sid: url.pathname.split('/').pop()!.replace('.json', ''), sms_url: webhooks.numberSmsUrl });
      }
      if (/^\/v1\/Services\/MG\w+$/.test(url.pathname) && (req.method === 'POST' || req.method === 'GET')) {
        if (req.method === 'POST') webhooks.serviceInboundUrl = params.InboundRequestUrl ?? webhooks.serviceInboundUrl;
        return json(200, { sid: url.pathname.split('/').pop(), inbound_request_url: webhooks.serviceInboundUrl });
      }
      json(404, { code: 20404, message: `fake twilio has no ${req.method} ${url.pathname}`, status: 404 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    messages,
    webhooks,
    failNext: (...next) => failures.push(...next),
    waitForMessages: (count) =>
      new Promise((resolve) => {
        const done = () => resolve(messages);
        if (messages.length >= count) done();
        else waiters.push({ count, resolve: done });
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
