import twilio from 'twilio';
import { SMS_WEBHOOK_PATH, STATUS_WEBHOOK_PATH, type SmsConfig } from './sms.config.js';
import type { TwilioClient } from './twilio-client.js';

/** README's connection override ("Let Twilio retry during a database outage"): set where the URL has none. */
export const RECOMMENDED_RETRY_FRAGMENT = '#rc=5&rp=5xx,ct,rt&tt=15000';

/**
 * Points the number's (and the messaging service's) incoming-SMS webhook at PUBLIC_BASE_URL, keeping the
 * `#rc=…` connection override already on it (or adding the recommended one). Outbound messages carry their own
 * status callback; the service gets it too, for messages sent elsewhere. Returns one line per change made.
 */
export async function configureWebhooks(client: TwilioClient, config: SmsConfig): Promise<string[]> {
  if (!config.publicBaseUrl) throw new Error('PUBLIC_BASE_URL is not set: it must be the public HTTPS address Twilio can reach');
  try {
    return await configure(client, config, config.publicBaseUrl);
  } catch (err) {
    throw explainTwilioError(err, config);
  }
}

async function configure(client: TwilioClient, config: SmsConfig, publicBaseUrl: string): Promise<string[]> {
  const smsUrl = `${publicBaseUrl}${SMS_WEBHOOK_PATH}`;
  const statusUrl = `${publicBaseUrl}${STATUS_WEBHOOK_PATH}`;
  const done: string[] = [];
  if (config.messagingServiceSid) {
    const service = client.messaging.v1.services(config.messagingServiceSid);
    const inboundUrl = smsUrl + retryFragment((await service.fetch()).inboundRequestUrl);
    await service.update({
      inboundRequestUrl: inboundUrl,
      inboundMethod: 'POST',
      statusCallback: statusUrl,
      useInboundWebhookOnNumber: false,
    });
    done.push(`messaging service ${config.messagingServiceSid}: incoming SMS → ${inboundUrl}, status → ${statusUrl}`);
  }
  if (config.fromNumber) {
    const [number] = await client.incomingPhoneNumbers.list({ phoneNumber: config.fromNumber, limit: 1 });
    if (!number) throw new Error(`TWILIO_FROM_NUMBER ${config.fromNumber} is not a phone number of account ${config.accountSid}`);
    const numberUrl = smsUrl + retryFragment(number.smsUrl);
    await client.incomingPhoneNumbers(number.sid).update({ smsUrl: numberUrl, smsMethod: 'POST' });
    done.push(`number ${config.fromNumber}: incoming SMS → ${numberUrl}`);
  }
  return done;
}

/** The fragment of the URL Twilio has now (the Console's retry settings), or the recommended one. */
function retryFragment(current: string | null | undefined): string {
  const hash = current?.indexOf('#') ?? -1;
  return hash >= 0 && hash < current!.length - 1 ? current!.slice(hash) : RECOMMENDED_RETRY_FRAGMENT;
}

/** Twilio answers a bad SID/token pair with 401 "Authenticate" alone: say which settings it refused. */
function explainTwilioError(err: unknown, config: SmsConfig): unknown {
  if (!(err instanceof twilio.RestException)) return err;
  const where = config.apiBaseUrl ? ` at TWILIO_API_BASE_URL=${config.apiBaseUrl}` : '';
  if (err.status === 401) {
    return new Error(
      `Twilio${where} refused the credentials (HTTP 401, error ${err.code ?? '?'} "${err.message}"): ` +
        `TWILIO_ACCOUNT_SID=${config.accountSid} with TWILIO_AUTH_TOKEN (not shown) is not a valid pair. ` +
        'Copy both from the Twilio Console (Account info); test credentials, or a token of another account or subaccount, are refused too.',
      { cause: err },
    );
  }
  return new Error(`Twilio${where} answered HTTP ${err.status} (error ${err.code ?? '?'}): ${err.message}`, { cause: err });
}
