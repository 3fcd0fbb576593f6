import { expect } from 'chai';
import { consoleChannel } from '../../src/channels/console/console.channel.js';
import { smsChannel } from '../../src/channels/sms/sms.channel.js';
import { initDb, type Database } from '../../src/db/init-db.js';
import { isDatabaseUnavailable } from '../../src/db/unavailable.js';
import { createErrand, type Errand } from '../../src/errand.js';
import { fixedClock } from '../../src/time.js';
import { resetDb, testDb } from '../support/db.js';
import { startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { silentLogger, testConfig } from '../support/fixtures.js';
import { sql } from '../support/pipeline.js';
import { ACCOUNT_SID, AUTH_TOKEN, OUR_NUMBER, PERSON, PUBLIC_BASE_URL, nextMessageSid, twimlMessages } from '../support/sms.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import twilio from 'twilio';

describe('sms: database outage', () => {
  let proxy: TcpProxy;
  let db: Database;
  let errand: Errand;
  let fake: FakeTwilio;
  let url: string;

  beforeEach(async () => {
    await resetDb();
    proxy = await startTcpProxy(testDb().orm.config.get('clientUrl')!);
    db = await initDb({ config: { databaseUrl: proxy.url, dataDir: 'memory://', dbPoolMax: 2, migrateOnStart: false } });
    fake = await startFakeTwilio();
    errand = await createErrand({
      config: testConfig({
        PUBLIC_BASE_URL, HOST: '127.0.0.1',
        TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_FROM_NUMBER: OUR_NUMBER, TWILIO_API_BASE_URL: fake.url,
      }),
      logger: silentLogger,
      db,
      clock: fixedClock('2026-11-23T14:00:00Z'),
      channels: [consoleChannel, smsChannel],
    });
    url = await errand.listen();
  });
  afterEach(async () => {
    await proxy.up().catch(() => undefined);
    await errand.stop();
    await db.close();
    await proxy.close();
    await fake.close();
  });

  const inbound = async (body: string, MessageSid = nextMessageSid()) => {
    const params = { MessageSid, AccountSid: ACCOUNT_SID, From: PERSON, To: OUR_NUMBER, Body: body, NumMedia: '0' };
    const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_BASE_URL}/webhooks/twilio/sms`, params);
    const res = await fetch(`${url}/webhooks/twilio/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(params).toString(),
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.text() };
  };

  it('answers 503 with a reason while the database is down, /readyz says so, and it reconnects by itself', async () => {
    expect((await inbound('help')).status).to.equal(200);
    await proxy.down();
    const during = await inbound('help');
    expect(during.status).to.equal(503);
    expect(during.retryAfter).to.equal('5');
    expect(JSON.parse(during.body)).to.include({ error: 'unavailable' });
    expect((await fetch(`${url}/readyz`)).status).to.equal(503);

    await proxy.up();
    const MessageSid = nextMessageSid();
    const after = await inbound('help', MessageSid);
    expect(after.status).to.equal(200);
    expect(twimlMessages(after.body)).to.have.length(1);
    expect((await fetch(`${url}/readyz`)).status).to.equal(200);
    const stored = await sql<{ provider_message_id: string }>(`select provider_message_id from conversation_messages where role = 'user' order by id`);
    expect(stored).to.have.length(2);
    expect(stored[1]!.provider_message_id).to.equal(MessageSid);
  });

  it('tells a database outage from other failures', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).to.equal(true);
    expect(isDatabaseUnavailable(new AggregateError([Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })]))).to.equal(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).to.equal(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: new Error('Connection terminated unexpectedly') }))).to.equal(true);
    expect(isDatabaseUnavailable(new Error('Transaction query already complete, run with DEBUG=knex:tx for more info'))).to.equal(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('invalid message format'), { code: '08P01' }))).to.equal(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).to.equal(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).to.equal(false);
  });
});
