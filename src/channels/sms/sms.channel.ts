import type { ChannelFactory } from '../types.js';
import { parseSmsConfig } from './sms.config.js';
import { smsInterceptors } from './sms.interceptors.js';
import { createSmsRouter } from './sms.routes.js';
import { createSmsSender } from './sms.sender.js';
import { SMS_MAX_PART } from './sms-split.js';
import { createTwilioClient } from './twilio-client.js';

/** SMS through Twilio; absent unless TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are set. */
export const smsChannel: ChannelFactory = {
  id: 'sms',
  interceptors: smsInterceptors,
  create(deps) {
    const config = parseSmsConfig(deps.env, deps.config);
    if (!config) return null;
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
  },
};
