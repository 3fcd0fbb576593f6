import type { Channel, ChannelDeps } from '../types.js';
import type { SmsConfig } from './sms.config.js';
import { createSmsRouter } from './sms.routes.js';
import { createSmsSender } from './sms.sender.js';
import { SMS_MAX_PART } from './sms-split.js';
import { createTwilioClient } from './twilio-client.js';

/** The SMS channel once configured: Twilio's webhooks in, its REST API out. */
export function createSmsAdapter(deps: ChannelDeps, config: SmsConfig): Channel {
  const logger = deps.logger.child({ channel: 'sms' });
  if (!config.validateSignature) {
    logger.warn('TWILIO_VALIDATE_SIGNATURE=false: Twilio webhook signatures are NOT checked; anyone can post messages as any number');
  }
  const client = createTwilioClient(config);
  return {
    id: 'sms',
    textLimit: SMS_MAX_PART,
    router: createSmsRouter({ ...deps, config, logger }),
    send: createSmsSender({ client, config, orm: deps.orm, clock: deps.clock, logger }),
  };
}
