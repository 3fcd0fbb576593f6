import type { ChannelFactory } from '../types.js';
import { parseSmsConfig, type SmsConfig } from './sms.config.js';
import { smsInterceptors } from './sms.interceptors.js';

/** SMS through Twilio; absent unless TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are set. Reaches any phone number. */
export const smsChannel: ChannelFactory<'sms', SmsConfig> = {
  id: 'sms',
  address: 'phone',
  fallback: true,
  settings: (env, core) => parseSmsConfig(env, core),
  interceptors: smsInterceptors,
  // The Twilio SDK loads only when the channel is configured.
  create: async (deps, settings) => (settings ? (await import('./sms.adapter.js')).createSmsAdapter(deps, settings) : null),
};
