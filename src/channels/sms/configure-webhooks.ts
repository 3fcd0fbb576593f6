import { SMS_WEBHOOK_PATH, STATUS_WEBHOOK_PATH, type SmsConfig } from './sms.config.js';
import type { TwilioClient } from './twilio-client.js';

/**
 * Points the number's (and the messaging service's) incoming-SMS webhook at PUBLIC_BASE_URL.
 * Outbound messages carry their own status callback; the service gets it too, for messages sent elsewhere.
 * Returns one line per change made.
 */
export async function configureWebhooks(client: TwilioClient, config: SmsConfig): Promise<string[]> {
  if (!config.publicBaseUrl) throw new Error('PUBLIC_BASE_URL is not set: it must be the public HTTPS address Twilio can reach');
  const smsUrl = `${config.publicBaseUrl}${SMS_WEBHOOK_PATH}`;
  const statusUrl = `${config.publicBaseUrl}${STATUS_WEBHOOK_PATH}`;
  const done: string[] = [];
  if (config.messagingServiceSid) {
    await client.messaging.v1.services(config.messagingServiceSid).update({
      inboundRequestUrl: smsUrl,
      inboundMethod: 'POST',
      statusCallback: statusUrl,
      useInboundWebhookOnNumber: false,
    });
    done.push(`messaging service ${config.messagingServiceSid}: incoming SMS → ${smsUrl}, status → ${statusUrl}`);
  }
  if (config.fromNumber) {
    const [number] = await client.incomingPhoneNumbers.list({ phoneNumber: config.fromNumber, limit: 1 });
    if (!number) throw new Error(`TWILIO_FROM_NUMBER ${config.fromNumber} is not a phone number of account ${config.accountSid}`);
    await client.incomingPhoneNumbers(number.sid).update({ smsUrl, smsMethod: 'POST' });
    done.push(`number ${config.fromNumber}: incoming SMS → ${smsUrl}`);
  }
  return done;
}
