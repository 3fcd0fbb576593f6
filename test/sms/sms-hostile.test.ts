import { expect } from 'chai';
import twilio from 'twilio';
import { resetDb } from '../support/db.js';
import { sql } from '../support/pipeline.js';
import { ACCOUNT_SID, AUTH_TOKEN, OUR_NUMBER, PERSON, PUBLIC_BASE_URL, nextMessageSid, startSms, type SmsHarness } from '../support/sms.js';

describe('sms: hostile requests', () => {
  let sms: SmsHarness;
  beforeEach(async () => {
    await resetDb();
    sms = await startSms();
  });
  afterEach(() => sms.stop());

  const raw = async (body: string, contentType: string, signature = 'x') => {
    const res = await fetch(`${sms.errand.url}/webhooks/twilio/sms`, { method: 'POST', headers: { 'content-type': contentType, 'x-twilio-signature': signature }, body });
    return { status: res.status, body: (await res.json()) as { error: string; message: string } };
  };

  it('refuses JSON bodies, however deep, with 415 and a reason', async () => {
    const params = { MessageSid: nextMessageSid(), AccountSid: ACCOUNT_SID, From: PERSON, To: OUR_NUMBER, Body: 'help', NumMedia: '0' };
    const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_BASE_URL}/webhooks/twilio/sms`, params);
    for (const body of ['['.repeat(5000) + ']'.repeat(5000), JSON.stringify(params)]) {
      const res = await raw(body, 'application/json', signature);
      expect(res.status, body.slice(0, 20)).to.equal(415);
      expect(res.body.message).to.match(/form-urlencoded/);
    }
    expect((await raw('null', 'application/json', signature)).status).to.equal(400);
    expect(await sql('select id from conversation_messages')).to.have.length(0);
  });

  it('answers oversized and undecodable bodies with 4xx and a reason', async () => {
    const big = await raw(`Body=${'y'.repeat(1 << 20)}`, 'application/x-www-form-urlencoded');
    expect(big.status).to.equal(413);
    expect(big.body.message).to.match(/larger than/);
    const charset = await raw('Body=hi', 'application/x-www-form-urlencoded; charset=utf-99');
    expect(charset.status).to.equal(415);
    expect(charset.body.message).to.match(/charset/i);
  });

  it('answers in valid TwiML when the reply echoes characters XML cannot carry', async () => {
    const res = await sms.inbound('spent 12 on lunch \u0007\u0015\uFFFF\uD800 ok');
    expect(res.status).to.equal(200);
    expect(res.body).to.match(/<Message>.*lunch.*ok.*<\/Message>/s);
  });

  it('stores control characters, bidi overrides and SQL in a body as plain text', async () => {
    const body = "a\u0000b\u202Eevil\u202C'; drop table users; --";
    expect((await sms.inbound(body)).status).to.equal(200);
    const [row] = await sql<{ content: string }>(`select content from conversation_messages where role = 'user'`);
    expect(row!.content).to.equal(body.replace('\u0000', ''));
  });
});
