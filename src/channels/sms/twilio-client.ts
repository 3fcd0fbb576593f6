import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import type { SmsConfig } from './sms.config.js';

export type TwilioClient = twilio.Twilio;

/** Moves a Twilio REST URI to another base URL, keeping its path and query. */
export function rebase(uri: string, baseUrl: string): string {
  const original = new URL(uri);
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  return `${base.origin}${prefix}${original.pathname}${original.search}`;
}

/**
 * twilio-node has no base-URL option, so the HTTP client itself rewrites every request's URI
 * when `baseUrl` is set (a local fake, a proxy).
 */
function createHttpClient(baseUrl: string | undefined): RequestClient {
  // autoRetry stays off: a retried message creation can reach the handset twice; the outbox retries instead.
  const client = new twilio.RequestClient({ autoRetry: false, timeout: 10_000, keepAlive: true });
  if (!baseUrl) return client;
  const send = client.request.bind(client);
  client.request = (opts) => send({ ...opts, uri: rebase(opts.uri, baseUrl) });
  return client;
}

export function createTwilioClient(config: Pick<SmsConfig, 'accountSid' | 'authToken' | 'apiBaseUrl'>): TwilioClient {
  return twilio(config.accountSid, config.authToken, { httpClient: createHttpClient(config.apiBaseUrl), autoRetry: false });
}
