import type { User } from '../../entities/user.entity.js';
import type { InboundMessage, Interceptor } from '../../pipeline/types.js';
import { recordConsent } from './consent.service.js';

const OPT_OUT = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT']);
const OPT_IN = new Set(['START', 'YES', 'UNSTOP']);
const HELP = new Set(['HELP', 'INFO']);
/** Opt-in words that are also everyday answers ("Clear all 3 items? Reply YES or NO."). */
const ALSO_AN_ANSWER = new Set(['YES']);

export const OPT_OUT_REPLY = "You're unsubscribed from Errand and won't get any more messages. Reply START to resubscribe.";
export const OPT_IN_REPLY = "You're resubscribed to Errand. Text me what you need, or HELP for help.";
export const HELP_REPLY =
  'Errand keeps your reminders, calendar, grocery list and expenses by text, e.g. "remind me to call mum at 6pm". '
  + 'Msg&data rates may apply. Reply STOP to unsubscribe.';
export const MEDIA_REPLY = "Thanks! I can't read pictures or files yet — please text me in words.";

type Keyword = 'opt_out' | 'opt_in' | 'help';
const KIND_OF_OPT_OUT_TYPE: Record<NonNullable<SmsMetadata['optOutType']>, Keyword> = { STOP: 'opt_out', START: 'opt_in', HELP: 'help' };

/** The metadata the SMS adapter attaches to an inbound message. */
export interface SmsMetadata {
  /** Set when Twilio's own opt-out handling matched the message and has already answered it. */
  optOutType?: 'STOP' | 'START' | 'HELP';
  media?: { url: string; contentType?: string }[];
}

function smsMetadata(message: InboundMessage): SmsMetadata {
  return message.channel === 'sms' ? ((message.metadata ?? {}) as SmsMetadata) : {};
}

/**
 * A whole message that is just a keyword (any case, surrounding spaces and punctuation ignored). YES opts in
 * only a number that is opted out: from anyone else it is an answer, and nothing about their consent changes.
 */
export function keywordOf(message: InboundMessage, user: Pick<User, 'optedOut'>): { kind: Keyword; word: string } | null {
  const keyword = readKeyword(message);
  if (keyword?.kind === 'opt_in' && ALSO_AN_ANSWER.has(keyword.word) && !user.optedOut) return null;
  return keyword;
}

/** The keyword the message is, whoever sent it. */
function readKeyword(message: InboundMessage): { kind: Keyword; word: string } | null {
  if (message.channel !== 'sms') return null;
  const word = message.text.trim().replace(/[.!]+$/, '').toUpperCase();
  // Twilio's verdict wins when present: it also knows the custom keywords of an Advanced Opt-Out setup.
  const viaTwilio = smsMetadata(message).optOutType;
  if (viaTwilio) return { kind: KIND_OF_OPT_OUT_TYPE[viaTwilio], word };
  if (OPT_OUT.has(word)) return { kind: 'opt_out', word };
  if (OPT_IN.has(word)) return { kind: 'opt_in', word };
  if (HELP.has(word)) return { kind: 'help', word };
  return null;
}

/** STOP / START / HELP and friends, before any understanding; every opt-out or opt-in goes to the consent log. */
export const smsKeywordInterceptor: Interceptor = {
  name: 'sms.keyword',
  claims: (message, user) => keywordOf(message, user) !== null,
  async run({ em, user, inbound, message, logger }) {
    // What `claims` saw decides: the user row may have changed since, under another message.
    const keyword = readKeyword(message)!;
    // Twilio's opt-out handling has already answered the person: a second confirmation would be noise.
    const answeredByTwilio = Boolean(smsMetadata(message).optOutType);
    if (keyword.kind === 'help') return { reply: answeredByTwilio ? null : HELP_REPLY, toolOutput: { keyword: keyword.word } };
    await recordConsent(em, {
      userId: user.id,
      channel: 'sms',
      action: keyword.kind,
      keyword: keyword.word.slice(0, 40),
      source: answeredByTwilio ? 'provider_opt_out' : 'keyword',
      messageId: inbound.id,
      at: message.receivedAt,
    });
    logger.info('sms consent changed', { action: keyword.kind, userId: user.id });
    const reply = keyword.kind === 'opt_out' ? OPT_OUT_REPLY : OPT_IN_REPLY;
    return { reply: answeredByTwilio ? null : reply, toolOutput: { consent: keyword.kind, keyword: keyword.word } };
  },
};

/** Someone who opted out may still text us; the message is kept, but nothing is processed or sent back. */
export const smsOptedOutInterceptor: Interceptor = {
  name: 'sms.opted-out',
  claims: (message, user) => message.channel === 'sms' && user.optedOut,
  run: async () => ({ reply: null, toolOutput: { ignored: 'opted_out' } }),
};

export const smsMediaInterceptor: Interceptor = {
  name: 'sms.media',
  claims: (message) => (smsMetadata(message).media?.length ?? 0) > 0,
  run: async () => ({ reply: MEDIA_REPLY, toolOutput: { media: 'not_supported' } }),
};

/** Order matters: keywords win over the opted-out silence (START must get through), both over media. */
export const smsInterceptors: Interceptor[] = [smsKeywordInterceptor, smsOptedOutInterceptor, smsMediaInterceptor];
