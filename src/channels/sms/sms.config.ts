import { z } from 'zod';
import { ConfigError, optionalText as text, parseEnv, type Env } from '../../config-env.js';

/** Where Twilio posts inbound messages and delivery statuses (below PUBLIC_BASE_URL). */
export const SMS_WEBHOOK_PATH = '/webhooks/twilio/sms';
export const STATUS_WEBHOOK_PATH = '/webhooks/twilio/status';

export interface SmsConfig {
  accountSid: string;
  authToken: string;
  fromNumber?: string;
  messagingServiceSid?: string;
  /** Off only by TWILIO_VALIDATE_SIGNATURE=false (local experiments); a warning is logged at every start. */
  validateSignature: boolean;
  /** Another Twilio-compatible REST base URL (a local fake, a proxy); unset talks to Twilio. */
  apiBaseUrl?: string;
  inlineReplyMs: number;
  /** Where Twilio reaches us; signatures are checked against it, never against the Host header. */
  publicBaseUrl?: string;
}

const schema = z.object({
  TWILIO_ACCOUNT_SID: text.pipe(z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'expected an Account SID: AC followed by 32 hex digits').optional()),
  TWILIO_AUTH_TOKEN: text.pipe(z.string().min(16, 'expected the 32-character auth token').optional()),
  TWILIO_FROM_NUMBER: text.pipe(z.string().regex(/^\+[1-9][0-9]{6,14}$/, 'expected an E.164 number such as +15555550123').optional()),
  TWILIO_MESSAGING_SERVICE_SID: text.pipe(z.string().regex(/^MG[0-9a-fA-F]{32}$/, 'expected a Messaging Service SID: MG followed by 32 hex digits').optional()),
  TWILIO_VALIDATE_SIGNATURE: text.pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' }).optional()),
  TWILIO_API_BASE_URL: text.pipe(z.url({ message: 'expected a URL such as http://127.0.0.1:4010' }).optional()),
  // Twilio gives up on a webhook after 15 s; the inline wait must stay well below it.
  SMS_INLINE_REPLY_MS: text.pipe(
    z.coerce.number<string>({ message: 'expected a whole number' })
      .int('expected a whole number')
      .min(0)
      .max(10_000, 'expected at most 10000 (Twilio times out at 15 s)')
      .optional(),
  ),
});

const SECRETS = new Set(['TWILIO_AUTH_TOKEN']);

/** The SMS settings, or null when Twilio is not configured (no account SID and auth token). */
export function parseSmsConfig(env: Env, config: { publicBaseUrl?: string }): SmsConfig | null {
  const e = parseEnv(schema, env, SECRETS);
  if (!e.TWILIO_ACCOUNT_SID && !e.TWILIO_AUTH_TOKEN) return null;
  const problems: string[] = [];
  if (!e.TWILIO_ACCOUNT_SID) problems.push('TWILIO_ACCOUNT_SID: required when TWILIO_AUTH_TOKEN is set');
  if (!e.TWILIO_AUTH_TOKEN) problems.push('TWILIO_AUTH_TOKEN: required when TWILIO_ACCOUNT_SID is set');
  if (!e.TWILIO_FROM_NUMBER && !e.TWILIO_MESSAGING_SERVICE_SID) {
    problems.push('TWILIO_FROM_NUMBER: set it (or TWILIO_MESSAGING_SERVICE_SID) to the number people text');
  }
  const validateSignature = !['false', '0', 'no'].includes(e.TWILIO_VALIDATE_SIGNATURE ?? 'true');
  if (validateSignature && !config.publicBaseUrl) {
    problems.push('PUBLIC_BASE_URL: required with Twilio, webhook signatures are checked against it (e.g. https://your-subdomain.ngrok.app)');
  }
  if (problems.length) throw new ConfigError(problems);
  return {
    accountSid: e.TWILIO_ACCOUNT_SID!,
    authToken: e.TWILIO_AUTH_TOKEN!,
    fromNumber: e.TWILIO_FROM_NUMBER,
    messagingServiceSid: e.TWILIO_MESSAGING_SERVICE_SID,
    validateSignature,
    apiBaseUrl: e.TWILIO_API_BASE_URL?.replace(/\/+$/, ''),
    inlineReplyMs: e.SMS_INLINE_REPLY_MS ?? 2000,
    publicBaseUrl: config.publicBaseUrl,
  };
}
