import { expect } from 'chai';
import { execFile } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { configureWebhooks, RECOMMENDED_RETRY_FRAGMENT } from '../../src/channels/sms/configure-webhooks.js';
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
    const service = fake.requests.find((r) => r.method === 'POST' && r.path === `/v1/Services/${MG}`)!;
    expect(service.params).to.include({
      InboundRequestUrl: `${PUBLIC_BASE_URL}/webhooks/twilio/sms${RECOMMENDED_RETRY_FRAGMENT}`,
      StatusCallback: `${PUBLIC_BASE_URL}/webhooks/twilio/status`,
      UseInboundWebhookOnNumber: 'false',
    });
    const number = fake.requests.find((r) => r.method === 'POST' && r.path.includes('/IncomingPhoneNumbers/'))!;
    expect(number.path).to.equal(`/2010-04-01/Accounts/${ACCOUNT_SID}/IncomingPhoneNumbers/${sid('PN', 1)}.json`);
    expect(number.params).to.include({ SmsUrl: `${PUBLIC_BASE_URL}/webhooks/twilio/sms${RECOMMENDED_RETRY_FRAGMENT}`, SmsMethod: 'POST' });
  });

  it('keeps the #rc= retry fragment already set in the Console, on the number and on the messaging service', async () => {
    const MG = sid('MG', 'd4');
    fake.webhooks.numberSmsUrl = 'https://old-tunnel.ngrok.app/webhooks/twilio/sms#rc=3&rt=2000';
    fake.webhooks.serviceInboundUrl = 'https://old-tunnel.ngrok.app/webhooks/twilio/sms#rc=2&rp=5xx&tt=9000';
    const config = parseSmsConfig({ ...env(), TWILIO_MESSAGING_SERVICE_SID: MG }, { publicBaseUrl: PUBLIC_BASE_URL })!;
    const done = await configureWebhooks(createTwilioClient(config), config);
    expect(fake.webhooks).to.deep.equal({
      numberSmsUrl: `${PUBLIC_BASE_URL}/webhooks/twilio/sms#rc=3&rt=2000`,
      serviceInboundUrl: `${PUBLIC_BASE_URL}/webhooks/twilio/sms#rc=2&rp=5xx&tt=9000`,
    });
    expect(done[1]).to.equal(`number ${OUR_NUMBER}: incoming SMS → ${PUBLIC_BASE_URL}/webhooks/twilio/sms#rc=3&rt=2000`);
  });

  it('sets the recommended fragment where the Console has none', async () => {
    fake.webhooks.numberSmsUrl = 'https://demo.twilio.com/welcome/sms/reply';
    const config = parseSmsConfig(env(), { publicBaseUrl: PUBLIC_BASE_URL })!;
    await configureWebhooks(createTwilioClient(config), config);
    expect(fake.webhooks.numberSmsUrl).to.equal(`${PUBLIC_BASE_URL}/webhooks/twilio/sms#rc=5&rp=5xx,ct,rt&tt=15000`);
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

  it('names the credentials Twilio refused (401), never the token', async () => {
    const refusing = await startFakeTwilio({ authToken: 'f'.repeat(32) });
    try {
      const script = fileURLToPath(new URL('../../src/channels/sms/configure.cli.ts', import.meta.url));
      const tsx = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
      const run = promisify(execFile)('node', ['--import', tsx, script], {
        cwd: os.tmpdir(),
        env: { PATH: process.env.PATH, ...env(), TWILIO_API_BASE_URL: refusing.url, PUBLIC_BASE_URL },
      });
      const failed = await run.then(() => expect.fail('configured with refused credentials'), (err: { code: number; stderr: string }) => err);
      expect(failed.code).to.equal(1);
      expect(failed.stderr.trim()).to.equal(
        `Twilio at TWILIO_API_BASE_URL=${refusing.url} refused the credentials (HTTP 401, error 20003 "Authenticate"): ` +
          `TWILIO_ACCOUNT_SID=${ACCOUNT_SID} with TWILIO_AUTH_TOKEN (not shown) is not a valid pair. ` +
          'Copy both from the Twilio Console (Account info); test credentials, or a token of another account or subaccount, are refused too.',
      );
      expect(failed.stderr).not.to.include(AUTH_TOKEN);
      expect(refusing.requests.filter((r) => r.method === 'POST')).to.deep.equal([]);
    } finally {
      await refusing.close();
    }
  });
});
