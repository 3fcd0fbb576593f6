import { expect } from 'chai';
import twilio from 'twilio';
import { resetDb } from '../support/db.js';
import { sql } from '../support/pipeline.js';
import { ACCOUNT_SID, AUTH_TOKEN, OUR_NUMBER, PERSON, PUBLIC_BASE_URL, nextMessageSid, startSms, twimlMessages, type SmsHarness } from '../support/sms.js';
import { sid } from '../support/fake-twilio.js';

describe('sms: inbound webhook', () => {
  let sms: SmsHarness;
  beforeEach(async () => {
    await resetDb();
    sms = await startSms();
  });
  afterEach(() => sms.stop());

  it('answers a signed message from a new number in TwiML and records the user and conversation', async () => {
    const res = await sms.inbound('help');
    expect(res.status).to.equal(200);
    expect(res.contentType).to.match(/text\/xml/);
    const [reply] = twimlMessages(res.body);
    expect(reply).to.match(/Errand/);
    expect(await sql('select phone_number from users')).to.deep.equal([{ phone_number: PERSON }]);
    expect(await sql('select channel, external_id from user_channels')).to.deep.equal([{ channel: 'sms', external_id: PERSON }]);
    const messages = await sql<{ role: string; channel: string }>('select role, channel from conversation_messages order by id');
    expect(messages).to.deep.equal([{ role: 'user', channel: 'sms' }, { role: 'assistant', channel: 'sms' }]);
    expect(sms.twilio.messages).to.have.length(0);
  });

  it('rejects a missing signature with 400 and a wrong one with 403, storing nothing', async () => {
    const missing = await sms.inbound('help', {}, { signature: null });
    expect(missing.status).to.equal(400);
    expect(missing.body).to.match(/Missing X-Twilio-Signature/);
    const wrong = await sms.inbound('help', {}, { signature: 'bm90IGEgc2lnbmF0dXJl' });
    expect(wrong.status).to.equal(403);
    const otherToken = twilio.getExpectedTwilioSignature('ffffffffffffffffffffffffffffffff', `${PUBLIC_BASE_URL}/webhooks/twilio/sms`, { Body: 'help' });
    expect((await sms.inbound('help', {}, { signature: otherToken })).status).to.equal(403);
    expect(await sql('select id from conversation_messages')).to.have.length(0);
  });

  it('checks the signature against PUBLIC_BASE_URL, not the Host header a proxy rewrote', async () => {
    const viaProxy = await sms.inbound('help', {}, { host: 'internal-lb:8080' });
    expect(viaProxy.status).to.equal(200);
    expect(twimlMessages(viaProxy.body)).to.have.length(1);
    const params = { MessageSid: nextMessageSid(), AccountSid: ACCOUNT_SID, From: PERSON, To: OUR_NUMBER, Body: 'help', NumMedia: '0' };
    const signedForHost = twilio.getExpectedTwilioSignature(AUTH_TOKEN, `http://internal-lb:8080/webhooks/twilio/sms`, params);
    const res = await sms.post('/webhooks/twilio/sms', params, { signature: signedForHost, host: 'internal-lb:8080' });
    expect(res.status).to.equal(403);
  });

  it('refuses a message to a number that is not ours, or from another account', async () => {
    expect((await sms.inbound('help', { To: '+15559998888' })).status).to.equal(403);
    expect((await sms.inbound('help', { AccountSid: sid('AC', 'b2') })).status).to.equal(403);
    expect(await sql('select id from users')).to.have.length(0);
  });

  it('answers 400 to a form with missing or malformed fields', async () => {
    const { status, body } = await sms.post('/webhooks/twilio/sms', { AccountSid: ACCOUNT_SID, From: PERSON, To: OUR_NUMBER, Body: 'hi' });
    expect(status).to.equal(400);
    expect(body).to.match(/MessageSid/);
    const cases: Record<string, string | string[]>[] = [
      { MessageSid: nextMessageSid(), AccountSid: ACCOUNT_SID, From: PERSON, To: OUR_NUMBER },
      { MessageSid: 'SM123', AccountSid: ACCOUNT_SID, From: PERSON, To: OUR_NUMBER, Body: 'hi' },
      { MessageSid: nextMessageSid(), AccountSid: ACCOUNT_SID, From: 'not-a-phone', To: OUR_NUMBER, Body: 'hi' },
      { MessageSid: nextMessageSid(), AccountSid: ACCOUNT_SID, From: PERSON, To: OUR_NUMBER, Body: ['hi', 'again'] },
      { MessageSid: nextMessageSid(), AccountSid: ACCOUNT_SID, From: PERSON, To: OUR_NUMBER, Body: '', NumMedia: '1' },
      { MessageSid: nextMessageSid(), AccountSid: ACCOUNT_SID, From: PERSON, To: OUR_NUMBER, Body: 'hi', NumMedia: 'lots' },
    ];
    for (const params of cases) expect((await sms.post('/webhooks/twilio/sms', params)).status, JSON.stringify(params)).to.equal(400);
    expect(await sql('select id from conversation_messages')).to.have.length(0);
  });

  it('accepts parameters it does not know (Twilio adds them over time)', async () => {
    const res = await sms.inbound('help', { FromCity: 'SPRINGFIELD', SmsStatus: 'received', ApiVersion: '2010-04-01', NumSegments: '1' });
    expect(res.status).to.equal(200);
  });

  it('runs a redelivered MessageSid once and answers with the same reply', async () => {
    const MessageSid = nextMessageSid();
    const first = await sms.inbound('help', { MessageSid });
    const again = await sms.inbound('help', { MessageSid });
    expect(again.status).to.equal(200);
    expect(twimlMessages(again.body)).to.deep.equal(twimlMessages(first.body));
    expect(await sql('select id from conversation_messages')).to.have.length(2);
    expect(await sql('select id from agent_logs')).to.have.length(1);
  });

  it('keeps media URLs and says pictures are not understood yet', async () => {
    const res = await sms.inbound('', { NumMedia: '1', MediaUrl0: 'https://api.twilio.com/media/ME1', MediaContentType0: 'image/jpeg' });
    expect(twimlMessages(res.body)[0]).to.match(/can't read pictures/);
    const [inbound] = await sql<{ message_type: string; metadata: { media: unknown[] } }>(`select message_type, metadata from conversation_messages where role = 'user'`);
    expect(inbound!.message_type).to.equal('media');
    expect(inbound!.metadata.media).to.deep.equal([{ url: 'https://api.twilio.com/media/ME1', contentType: 'image/jpeg' }]);
  });

  it('records what an inline reply costs in segments', async () => {
    await sms.inbound('help');
    await sms.stop(); // the count is written just after the answer goes out
    const [assistant] = await sql<{ metadata: { sms: { parts: number; segments: number } } }>(`select metadata from conversation_messages where role = 'assistant'`);
    expect(assistant!.metadata.sms.parts).to.equal(1);
    expect(assistant!.metadata.sms.segments).to.be.greaterThan(0);
  });
});

describe('sms: through a Messaging Service', () => {
  const MG = sid('MG', 'd4');
  let sms: SmsHarness;
  beforeEach(async () => {
    await resetDb();
    sms = await startSms({ env: { TWILIO_FROM_NUMBER: '', TWILIO_MESSAGING_SERVICE_SID: MG, SMS_INLINE_REPLY_MS: '0' } });
  });
  afterEach(() => sms.stop());

  it("accepts messages to the service's numbers and sends with messagingServiceSid", async () => {
    expect((await sms.inbound('help', { To: '+15557776666' })).status).to.equal(403);
    const res = await sms.inbound('help', { To: '+15557776666', MessagingServiceSid: MG });
    expect(res.status).to.equal(200);
    expect(res.body).to.match(/<Response\/>/);
    const [sent] = await sms.twilio.waitForMessages(1);
    expect(sent).to.include({ MessagingServiceSid: MG, To: PERSON });
    expect(sent).not.to.have.property('From');
  });
});
