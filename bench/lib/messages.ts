import twilio from 'twilio';
import { ACCOUNT_SID, AUTH_TOKEN, OUR_NUMBER, PUBLIC_BASE_URL, SMS_PATH, phones, sidFactory } from './setup.js';

/**
 * What people text, by weight: writes (reminders, list items, expenses, events) and reads (queries),
 * plus the small talk every assistant gets. Messages the tools of the day do not know yet still run
 * the whole pipeline (user, conversation, user/assistant messages, agent log) and get the "try…" reply.
 */
export const MIX: { kind: string; weight: number; texts: string[] }[] = [
  { kind: 'reminder', weight: 20, texts: ['remind me to call mum at 6pm', 'remind me tomorrow at 9am to take the bins out', 'remind me to pay rent on the 1st', 'remind me in 2 hours to check the oven'] },
  { kind: 'list', weight: 20, texts: ['add milk, eggs and bread', 'put bananas on the list', "we're out of coffee", 'add 2 rolls of paper towels'] },
  { kind: 'expense', weight: 20, texts: ['spent 12.50 on lunch', '$40 gas', 'coffee 4.5', 'uber 23.10'] },
  { kind: 'event', weight: 10, texts: ['lunch with Sam on friday at 1pm', 'dentist next tuesday at 3:30pm'] },
  { kind: 'query', weight: 22, texts: ["what's on my list?", 'how much did I spend this week?', 'what are my reminders?', "what's on tomorrow?"] },
  { kind: 'chat', weight: 8, texts: ['help', 'hi', 'thanks'] },
];

/** A deterministic sequence (mulberry32) so every run sends the same texts in the same order. */
export function seeded(seed = 42): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function textPicker(seed = 42): () => { kind: string; text: string } {
  const random = seeded(seed);
  const total = MIX.reduce((sum, m) => sum + m.weight, 0);
  return () => {
    let r = random() * total;
    const group = MIX.find((m) => (r -= m.weight) < 0) ?? MIX[MIX.length - 1]!;
    return { kind: group.kind, text: group.texts[Math.floor(random() * group.texts.length)]! };
  };
}

export interface Webhook {
  sid: string;
  from: string;
  text: string;
  params: Record<string, string>;
  body: string;
  headers: Record<string, string>;
}

/** A Twilio inbound-SMS webhook, form-encoded and signed exactly as Twilio signs it. */
export function signedWebhook(from: string, text: string, sid: string, extra: Record<string, string> = {}): Webhook {
  const params: Record<string, string> = { ToCountry: 'US', SmsMessageSid: sid, NumMedia: '0', SmsSid: sid, SmsStatus: 'received', Body: text, To: OUR_NUMBER, NumSegments: '1', MessageSid: sid, AccountSid: ACCOUNT_SID, From: from, ApiVersion: '2010-04-01', ...extra };
  const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_BASE_URL}${SMS_PATH}`, params);
  const body = new URLSearchParams(params).toString();
  return { sid, from, text, params, body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature } };
}

/** An endless stream of signed webhooks from `senders` distinct numbers, round-robin, texts from the mix. */
export function webhookStream(opts: { senders?: number; seed?: number; phoneOffset?: number } = {}): () => Webhook {
  const from = phones(opts.senders ?? 1000, opts.phoneOffset ?? 0);
  const pick = textPicker(opts.seed);
  const nextSid = sidFactory();
  let i = 0;
  return () => signedWebhook(from[i++ % from.length]!, pick().text, nextSid());
}
