import { z } from 'zod';
import { toE164 } from '../../phone.js';
import type { SmsMetadata } from './sms.interceptors.js';

const sid = (prefix: string) => z.string().regex(new RegExp(`^${prefix}[0-9a-fA-F]{32}$`), `expected a ${prefix}… SID`);
const phone = z.string().transform((v, ctx) => {
  const e164 = toE164(v);
  if (e164 === null) ctx.addIssue({ code: 'custom', message: 'expected a phone number' });
  return e164 ?? z.NEVER;
});
const count = z.string().regex(/^\d{1,2}$/, 'expected a small whole number').transform(Number);

/**
 * Twilio adds parameters over time, so unknown names pass; but every value must be a single string
 * (a repeated name is not something Twilio sends) and the fields we rely on must be present and well-formed.
 */
const singleValues = z.record(z.string(), z.string({ message: 'expected a single value' }));

const inboundSchema = z.looseObject({
  MessageSid: z.union([sid('SM'), sid('MM')]),
  AccountSid: sid('AC'),
  MessagingServiceSid: sid('MG').optional(),
  From: phone,
  To: z.string().min(1),
  // PostgreSQL text cannot hold NUL; nobody types one, so it is dropped rather than refused.
  Body: z.string().max(5000).transform((v) => v.replaceAll('\u0000', '')),
  NumMedia: count.default(0),
  OptOutType: z.string().optional(),
});

export interface InboundSms {
  messageSid: string;
  accountSid: string;
  messagingServiceSid?: string;
  from: string;
  to: string;
  body: string;
  metadata: SmsMetadata & { numSegments?: string };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function summarize(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}

export function parseInbound(body: unknown): Parsed<InboundSms> {
  const flat = singleValues.safeParse(body ?? {});
  if (!flat.success) return { ok: false, error: summarize(flat.error) };
  const parsed = inboundSchema.safeParse(flat.data);
  if (!parsed.success) return { ok: false, error: summarize(parsed.error) };
  const p = parsed.data;
  const media: NonNullable<SmsMetadata['media']> = [];
  for (let i = 0; i < p.NumMedia; i++) {
    const url = flat.data[`MediaUrl${i}`];
    if (!url || !URL.canParse(url)) return { ok: false, error: `MediaUrl${i}: expected a URL (NumMedia is ${p.NumMedia})` };
    media.push({ url, contentType: flat.data[`MediaContentType${i}`] });
  }
  const optOutType = p.OptOutType?.toUpperCase();
  return {
    ok: true,
    value: {
      messageSid: p.MessageSid,
      accountSid: p.AccountSid,
      messagingServiceSid: p.MessagingServiceSid,
      from: p.From,
      to: p.To,
      body: p.Body,
      metadata: {
        ...(media.length ? { media } : {}),
        ...(optOutType === 'STOP' || optOutType === 'START' || optOutType === 'HELP' ? { optOutType } : {}),
        ...(flat.data.NumSegments ? { numSegments: flat.data.NumSegments } : {}),
      },
    },
  };
}

export const TWILIO_STATUSES = [
  'accepted', 'scheduled', 'canceled', 'queued', 'sending', 'sent', 'failed', 'delivered', 'undelivered',
  'receiving', 'received', 'read', 'partially_delivered',
] as const;

const statusSchema = z.looseObject({
  MessageSid: z.union([sid('SM'), sid('MM')]),
  AccountSid: sid('AC'),
  MessageStatus: z.enum(TWILIO_STATUSES),
  ErrorCode: z
    .string()
    .regex(/^\d{0,6}$/, 'expected a numeric error code')
    .optional()
    .transform((v) => v || undefined),
});

export interface StatusCallback {
  messageSid: string;
  accountSid: string;
  status: (typeof TWILIO_STATUSES)[number];
  errorCode?: string;
}

export function parseStatus(body: unknown): Parsed<StatusCallback> {
  const flat = singleValues.safeParse(body ?? {});
  if (!flat.success) return { ok: false, error: summarize(flat.error) };
  const parsed = statusSchema.safeParse(flat.data);
  if (!parsed.success) return { ok: false, error: summarize(parsed.error) };
  const p = parsed.data;
  return { ok: true, value: { messageSid: p.MessageSid, accountSid: p.AccountSid, status: p.MessageStatus, errorCode: p.ErrorCode } };
}
