import { expect } from 'chai';
import { execFile } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { configureWebhooks } from '../../src/channels/sms/configure-webhooks.js';
import { parseSmsConfig } from '../../src/channels/sms/sms.config.js';
import { createTwilioClient } from '../../src/channels/sms/twilio-client.js';
import { sid, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { ACCOUNT_SID, AUTH_TOKEN, OUR_NUMBER, PUBLIC_BASE_URL } from '../support/sms.js';

describe('sms: npm run twilio:configure', () => {
  let fake: FakeTwilio;
  beforeEach(async () => {
    fake = await startFakeTwilio();
  });
  afterEach(() => fake.close());

  const env = () => ({ TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_FROM_NUMBER: OUR_NUMBER, TWILIO_API_BASE_URL: fake.url });

  it("points the number's SMS webhook and the messaging service at PUBLIC_BASE_URL", async () => {
    const MG = sid('MG', 'd4');
    const config = parseSmsConfig({ ...env(), TWILIO_MESSAGING_SERVICE_SID: MG }, { publicBaseUrl: PUBLIC_BASE_URL })!;
    const done = await configureWebhooks(createTwilioClient(config), config);
    expect(done).to.have.length(2);
    const service = fake.requests.find((r) => r.path === `/v1/Services/${MG}`)!;
    expect(service.params).to.include({ InboundRequestUrl: `${PUBLIC_BASE_URL}/webhooks/twilio/sms`, StatusCallback: `${PUBLIC_BASE_URL}/webhooks/twilio/status`, UseInboundWebhookOnNumber: 'false' });
    const number = fake.requests.find((r) => r.method === 'POST' && r.path.includes('/IncomingPhoneNumbers/'))!;
    expect(number.path).to.equal(`/2010-04-01/Accounts/${ACCOUNT_SID}/IncomingPhoneNumbers/${sid('PN', 1)}.json`);
    expect(number.params).to.include({ SmsUrl: `${PUBLIC_BASE_URL}/webhooks/twilio/sms`, SmsMethod: 'POST' });
  });

  it('runs as a script', async () => {
    const script = fileURLToPath(new URL('../../src/channels/sms/configure.cli.ts', import.meta.url));
    const tsx = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
    // Run from an empty directory so a developer's own .env cannot leak in.
    const { stdout } = await promisify(execFile)('node', ['--import', tsx, script], {
      cwd: os.tmpdir(),
      env: { PATH: process.env.PATH, ...env(), PUBLIC_BASE_URL },
    });
    expect(stdout).to.include(`number ${OUR_NUMBER}: incoming SMS → ${PUBLIC_BASE_URL}/webhooks/twilio/sms`);
  });
});
