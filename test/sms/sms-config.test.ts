import { expect } from 'chai';
import { ConfigError } from '../../src/config.js';
import { parseSmsConfig } from '../../src/channels/sms/sms.config.js';
import { rebase } from '../../src/channels/sms/twilio-client.js';

const AC = `AC${'a'.repeat(32)}`;
const TOKEN = 'f'.repeat(32);
const base = { TWILIO_ACCOUNT_SID: AC, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_FROM_NUMBER: '+15550001111' };
const publicBaseUrl = 'https://errand.example.com';

function problems(env: Record<string, string>, config: { publicBaseUrl?: string } = { publicBaseUrl }): string[] {
  try {
    parseSmsConfig(env, config);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('sms: configuration', () => {
  it('is off without an account SID and auth token', () => {
    expect(parseSmsConfig({}, { publicBaseUrl })).to.equal(null);
  });

  it('reads the defaults', () => {
    expect(parseSmsConfig(base, { publicBaseUrl })).to.deep.include({ validateSignature: true, inlineReplyMs: 2000, fromNumber: '+15550001111', publicBaseUrl });
  });

  it('names every variable that is wrong, never echoing the auth token', () => {
    const found = problems({ TWILIO_ACCOUNT_SID: 'SK123', TWILIO_AUTH_TOKEN: 'short', SMS_INLINE_REPLY_MS: '20000', TWILIO_API_BASE_URL: 'nope' });
    expect(found.map((p) => p.split(':')[0])).to.have.members(['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'SMS_INLINE_REPLY_MS', 'TWILIO_API_BASE_URL']);
    expect(found.join('\n')).not.to.include('short');
    expect(problems({ TWILIO_ACCOUNT_SID: AC })).to.include('TWILIO_AUTH_TOKEN: required when TWILIO_ACCOUNT_SID is set');
    expect(problems({ TWILIO_ACCOUNT_SID: AC, TWILIO_AUTH_TOKEN: TOKEN })[0]).to.match(/^TWILIO_FROM_NUMBER/);
    expect(problems({ ...base, TWILIO_FROM_NUMBER: '555-0001' })[0]).to.match(/^TWILIO_FROM_NUMBER: expected an E.164/);
  });

  it('needs PUBLIC_BASE_URL to check signatures, unless checking is switched off', () => {
    expect(problems(base, {})[0]).to.match(/^PUBLIC_BASE_URL/);
    expect(parseSmsConfig({ ...base, TWILIO_VALIDATE_SIGNATURE: 'false' }, {})?.validateSignature).to.equal(false);
  });

  it('rebases REST URIs onto TWILIO_API_BASE_URL, keeping path and query', () => {
    expect(rebase('https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?PageSize=5', 'http://127.0.0.1:4010/twilio/')).to.equal(
      'http://127.0.0.1:4010/twilio/2010-04-01/Accounts/AC1/Messages.json?PageSize=5',
    );
  });
});
