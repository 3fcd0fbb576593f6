import { ConfigError, createConfig, loadDotEnv } from '../../config.js';
import { configureWebhooks } from './configure-webhooks.js';
import { createTwilioClient } from './twilio-client.js';

/** `npm run twilio:configure`: points the Twilio number at this server's PUBLIC_BASE_URL. */
async function main(): Promise<void> {
  loadDotEnv();
  const config = createConfig().channels.sms;
  if (!config) throw new Error('Twilio is not configured: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (see README, "Connect a Twilio number")');
  if (config.publicBaseUrl && !config.publicBaseUrl.startsWith('https://')) console.warn(`warning: PUBLIC_BASE_URL is not HTTPS (${config.publicBaseUrl})`);
  for (const line of await configureWebhooks(createTwilioClient(config), config)) console.log(line);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError || err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
