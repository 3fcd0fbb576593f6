import { expect } from 'chai';
import { createDispatcher } from '../../src/outbox/dispatcher.js';
import { backoffMs } from '../../src/outbox/backoff.js';
import { enqueueOutbound } from '../../src/outbox/enqueue.js';
import type { Interceptor } from '../../src/pipeline/types.js';
import { resetDb, testDb } from '../support/db.js';
import { silentLogger } from '../support/fixtures.js';
import { sql } from '../support/pipeline.js';
import { ACCOUNT_SID, OUR_NUMBER, PERSON, PUBLIC_BASE_URL, startSms, twimlMessages, type SmsHarness } from '../support/sms.js';

/** An interceptor that holds "slow" messages until the test lets them go: a slow understanding step. */
function slowStep(): Interceptor & { release(): void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    name: 'test.slow',
    claims: (message) => message.text === 'slow',
    run: async () => {
      await gate;
      return { reply: 'Done thinking: here is your answer.' };
    },
    release: () => release(),
  };
}

async function userId(phone = PERSON): Promise<number> {
  const rows = await sql<{ id: number }>(`insert into users (phone_number) values ($1) on conflict (phone_number) do update set phone_number = excluded.phone_number returning id`, [phone]);
  return rows[0]!.id;
}

async function enqueue(body: string, phone = PERSON): Promise<string> {
  const id = await userId(phone);
  await sql(`insert into user_channels (user_id, channel, external_id) values ($1, 'sms', $2) on conflict do nothing`, [id, phone]);
  const em = testDb().orm.em.fork();
  return (await enqueueOutbound(em, { userId: id, body, kind: 'reminder', notBefore: new Date() }))!;
}

type Row = { status: string; attempts: number; provider_message_id: string | null; segments: number | null; last_error: string | null; next_attempt_at: string; channel: string | null };
const row = async (id: string) => (await sql<Row>('select * from outbound_messages where id = $1', [id]))[0]!;

describe('sms: replies that are not ready in time', () => {
  beforeEach(resetDb);

  it('answers an empty <Response/> at once and sends the reply through the REST API when ready', async () => {
    const slow = slowStep();
    const sms = await startSms({ env: { SMS_INLINE_REPLY_MS: '50' }, interceptors: [slow] });
    try {
      const res = await sms.inbound('slow');
      expect(res.status).to.equal(200);
      expect(res.body).to.match(/<Response\/>/);
      expect(sms.twilio.messages).to.have.length(0);

      slow.release();
      const [sent] = await sms.twilio.waitForMessages(1);
      expect(sent).to.include({ To: PERSON, From: OUR_NUMBER, Body: 'Done thinking: here is your answer.', StatusCallback: `${PUBLIC_BASE_URL}/webhooks/twilio/status` });
      await sms.stop();
      const [outbound] = await sql<Row & { kind: string; source_type: string }>('select * from outbound_messages');
      expect(outbound).to.include({ kind: 'reply', channel: 'sms', status: 'sent', provider_message_id: sent!.Sid, segments: 1, source_type: 'reply' });
      expect(sms.twilio.requests.every((r) => r.user === ACCOUNT_SID)).to.equal(true);
    } finally {
      slow.release();
      await sms.stop();
    }
  });

  it('answers a redelivery during and after a slow step without sending the reply twice', async () => {
    const slow = slowStep();
    const sms = await startSms({ env: { SMS_INLINE_REPLY_MS: '50' }, interceptors: [slow] });
    try {
      const MessageSid = 'SM' + 'c'.repeat(32);
      await sms.inbound('slow', { MessageSid });
      const during = await sms.inbound('slow', { MessageSid });
      expect(twimlMessages(during.body)).to.deep.equal([]);
      slow.release();
      await sms.twilio.waitForMessages(1);
      const after = await sms.inbound('slow', { MessageSid });
      expect(twimlMessages(after.body)).to.deep.equal([]);
      await sms.stop();
      expect(sms.twilio.messages).to.have.length(1);
      expect(await sql('select id from agent_logs')).to.have.length(1);
    } finally {
      slow.release();
      await sms.stop();
    }
  });
});

describe('sms: sending through the outbox', () => {
  let sms: SmsHarness;
  let deliver: (id: string) => Promise<void>;
  beforeEach(async () => {
    await resetDb();
    sms = await startSms();
    const outbox = createDispatcher({ orm: testDb().orm, channels: sms.errand.channels, clock: sms.clock, logger: silentLogger, maxAttempts: 6, random: () => 0.5 });
    deliver = (id) => outbox.deliver(id);
  });
  afterEach(() => sms.stop());

  it('sends a queued row once and records the provider id and segments', async () => {
    const id = await enqueue('Reminder: call mum');
    await deliver(id);
    await deliver(id);
    expect(sms.twilio.messages).to.have.length(1);
    expect(await row(id)).to.include({ status: 'sent', attempts: 1, channel: 'sms', provider_message_id: sms.twilio.messages[0]!.Sid, segments: 1 });
  });

  it('never sends to someone who opted out', async () => {
    const id = await enqueue('Reminder: call mum');
    await sql('update users set opted_out = true');
    await deliver(id);
    expect(sms.twilio.messages).to.have.length(0);
    const r = await row(id);
    expect(r.status).to.equal('dead');
    expect(r.last_error).to.match(/opted out/);
  });

  it('marks the user opted out on error 21610 and does not retry', async () => {
    const id = await enqueue('Reminder: call mum');
    sms.twilio.failNext({ status: 400, code: 21610, message: 'Attempt to send to unsubscribed recipient' });
    await deliver(id);
    expect((await row(id)).status).to.equal('dead');
    expect(await sql('select opted_out from users')).to.deep.equal([{ opted_out: true }]);
    expect(await sql('select action, keyword, source from consent_log')).to.deep.equal([{ action: 'opt_out', keyword: null, source: 'provider_error' }]);
    const again = await enqueue('Another reminder');
    await deliver(again);
    expect(sms.twilio.requests.filter((r) => r.path.endsWith('/Messages.json'))).to.have.length(1);
  });

  it('gives up at once on an invalid number (21211)', async () => {
    const id = await enqueue('Reminder: call mum');
    sms.twilio.failNext({ status: 400, code: 21211, message: "The 'To' number is not a valid phone number." });
    await deliver(id);
    const r = await row(id);
    expect(r.status).to.equal('dead');
    expect(r.last_error).to.match(/21211/);
  });

  it('retries 429, 5xx and dropped connections with backoff, without the SDK retrying on its own', async () => {
    const id = await enqueue('Reminder: call mum');
    const start = sms.clock.now().getTime();
    sms.twilio.failNext({ status: 429, code: 20429, message: 'Too Many Requests' }, { status: 503 }, 'drop-connection');
    for (const attempt of [1, 2, 3]) {
      await deliver(id);
      const r = await row(id);
      expect(r).to.include({ status: 'queued', attempts: attempt });
      expect(new Date(r.next_attempt_at).getTime() - start).to.equal(backoffMs(attempt, () => 0.5));
    }
    expect(sms.twilio.requests.filter((r) => r.path.endsWith('/Messages.json'))).to.have.length(3);
    await deliver(id);
    expect((await row(id)).status).to.equal('sent');
  });

  it('splits a long reply at word boundaries and counts every segment, emoji included', async () => {
    const sentence = 'Your agenda today 📅: dentist at 10, lunch with Sam at 1, pick up the kids at 4. ';
    const id = await enqueue(sentence.repeat(8).trim());
    await deliver(id);
    const parts = sms.twilio.messages.map((m) => m.Body!);
    expect(parts.length).to.be.greaterThan(1);
    expect(parts.every((p) => p.length <= 320)).to.equal(true);
    expect(parts.join(' ')).to.equal(sentence.repeat(8).trim());
    // UCS-2 (the emoji): 67 code units per segment
    const expected = parts.reduce((sum, p) => sum + Math.ceil(p.length / 67), 0);
    expect((await row(id)).segments).to.equal(expected);
  });
});

describe('sms: delivery status callbacks', () => {
  let sms: SmsHarness;
  beforeEach(async () => {
    await resetDb();
    sms = await startSms();
  });
  afterEach(() => sms.stop());

  async function sentRow(): Promise<{ id: string; sid: string }> {
    const id = await enqueue('Reminder: call mum');
    await createDispatcher({ orm: testDb().orm, channels: sms.errand.channels, clock: sms.clock, logger: silentLogger, maxAttempts: 6 }).deliver(id);
    return { id, sid: (await row(id)).provider_message_id! };
  }
  const status = (MessageSid: string, MessageStatus: string, extra: Record<string, string> = {}) =>
    sms.post('/webhooks/twilio/status', { MessageSid, AccountSid: ACCOUNT_SID, MessageStatus, ...extra });

  it('moves forward in order: queued, sent, delivered', async () => {
    const { id, sid } = await sentRow();
    for (const s of ['queued', 'sent', 'delivered']) expect((await status(sid, s)).status).to.equal(204);
    expect((await row(id)).status).to.equal('delivered');
  });

  it('never moves back when callbacks arrive out of order', async () => {
    const { id, sid } = await sentRow();
    await status(sid, 'delivered');
    await status(sid, 'sent');
    await status(sid, 'queued');
    expect((await row(id)).status).to.equal('delivered');
    await status(sid, 'undelivered', { ErrorCode: '30003' });
    expect((await row(id)).status).to.equal('delivered');
  });

  it('records a failure with its error code, and 21610 opts the user out', async () => {
    const { id, sid } = await sentRow();
    await status(sid, 'undelivered', { ErrorCode: '30003' });
    const r = await row(id);
    expect(r.status).to.equal('failed');
    expect(r.last_error).to.match(/30003/);
    const other = await sentRow();
    await status(other.sid, 'failed', { ErrorCode: '21610' });
    expect(await sql('select opted_out from users')).to.deep.equal([{ opted_out: true }]);
  });

  it('is signed like inbound, rejects malformed bodies and ignores unknown messages', async () => {
    const { sid } = await sentRow();
    expect((await sms.post('/webhooks/twilio/status', { MessageSid: sid, AccountSid: ACCOUNT_SID, MessageStatus: 'delivered' }, { signature: null })).status).to.equal(400);
    expect((await sms.post('/webhooks/twilio/status', { MessageSid: sid, AccountSid: ACCOUNT_SID, MessageStatus: 'delivered' }, { signature: 'AAAA' })).status).to.equal(403);
    expect((await status(sid, 'exploded')).status).to.equal(400);
    expect((await status('SM' + 'e'.repeat(32), 'delivered')).status).to.equal(204);
  });
});
