import { expect } from 'chai';
import { PermanentSendError } from '../src/channels/types.js';
import { createDispatcher } from '../src/outbox/dispatcher.js';
import { enqueueOutbound } from '../src/outbox/enqueue.js';
import { fixedClock } from '../src/time.js';
import { resetDb, testDb } from './support/db.js';
import { fakeChannel } from './support/fake-channel.js';
import { silentLogger } from './support/fixtures.js';
import { consoleMessage, makePipeline, sql } from './support/pipeline.js';

async function userWith(channels: { channel: string; externalId: string; seen: string }[], phone = '+15551230001'): Promise<number> {
  await makePipeline()(consoleMessage('hi', { phone }));
  const [user] = await sql<{ id: number }>('select id from users where phone_number = $1', [phone]);
  for (const c of channels) {
    await sql(`insert into user_channels (user_id, channel, external_id, last_seen_at) values ($1, $2, $3, $4)
               on conflict (channel, external_id) do update set last_seen_at = excluded.last_seen_at`, [user!.id, c.channel, c.externalId, c.seen]);
  }
  return user!.id;
}

function enqueue(userId: number, body: string, extra: Record<string, unknown> = {}) {
  return enqueueOutbound(testDb().orm.em.fork(), { userId, body, kind: 'reminder', notBefore: new Date('2026-11-23T14:00:00Z'), ...extra });
}

describe('outbox dispatcher', () => {
  beforeEach(resetDb);
  const clock = fixedClock('2026-11-23T14:00:00Z');
  const make = (channels: ReturnType<typeof fakeChannel>[], maxAttempts = 3) =>
    createDispatcher({ orm: testDb().orm, channels, clock, logger: silentLogger, maxAttempts });

  beforeEach(() => clock.set('2026-11-23T14:00:00Z'));

  it('sends through the most recently used active channel and records the provider id', async () => {
    const sms = fakeChannel('sms');
    const telegram = fakeChannel('telegram');
    const userId = await userWith([
      { channel: 'sms', externalId: '+15551230001', seen: '2026-11-20T00:00:00Z' },
      { channel: 'telegram', externalId: '777', seen: '2026-11-22T00:00:00Z' },
    ]);
    await enqueue(userId, 'Call mum');
    const report = await make([sms, telegram]).drain();
    expect(report.sent).to.equal(1);
    expect(telegram.sent).to.deep.equal([{ to: '777', text: 'Call mum' }]);
    const [row] = await sql('select status, channel, recipient, provider_message_id, attempts from outbound_messages');
    expect(row).to.deep.include({ status: 'sent', channel: 'telegram', recipient: '777', provider_message_id: 'telegram-1', attempts: 1 });
  });

  it('enqueues a source occurrence only once', async () => {
    const userId = await userWith([]);
    const occurrence = { sourceType: 'reminder', sourceId: '1', occurrenceAt: new Date('2026-11-23T14:00:00Z') };
    expect(await enqueue(userId, 'a', occurrence)).to.be.a('string');
    expect(await enqueue(userId, 'a', occurrence)).to.equal(null);
    expect(await sql('select id from outbound_messages')).to.have.length(1);
  });

  it('falls back to SMS when the Telegram bot is blocked, and marks Telegram inactive', async () => {
    const sms = fakeChannel('sms');
    const telegram = fakeChannel('telegram');
    telegram.failNext(new PermanentSendError('bot was blocked by the user', 403, 'channel'));
    const userId = await userWith([{ channel: 'telegram', externalId: '777', seen: '2026-11-22T00:00:00Z' }]);
    await enqueue(userId, 'Dentist at 3');
    await make([sms, telegram]).drain();
    expect(sms.sent).to.deep.equal([{ to: '+15551230001', text: 'Dentist at 3' }]);
    expect(await sql(`select active from user_channels where channel = 'telegram'`)).to.deep.equal([{ active: false }]);
  });

  it('retries transient failures with growing backoff, then gives up as dead', async () => {
    const sms = fakeChannel('sms');
    sms.failNext(new Error('503'), new Error('503'), new Error('503'));
    const userId = await userWith([{ channel: 'sms', externalId: '+15551230001', seen: '2026-11-22T00:00:00Z' }]);
    await enqueue(userId, 'x');
    const dispatcher = make([sms], 3);
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      await dispatcher.drain();
      const [row] = await sql<{ status: string; next_attempt_at: string }>('select status, next_attempt_at from outbound_messages');
      waits.push(new Date(row!.next_attempt_at).getTime() - clock.now().getTime());
      if (row!.status === 'dead') break;
      expect(await dispatcher.drain()).to.deep.equal({ sent: 0, retried: 0, dead: 0 }); // not due yet
      clock.set(row!.next_attempt_at);
    }
    const [row] = await sql<{ status: string; attempts: number; last_error: string }>('select status, attempts, last_error from outbound_messages');
    expect(row).to.include({ status: 'dead', attempts: 3 });
    expect(row!.last_error).to.match(/503/);
    expect(waits[1]!).to.be.greaterThan(waits[0]! / 2);
    expect(sms.sent).to.have.length(0);
  });

  it('dead-letters permanent failures at once and never sends to an opted-out user', async () => {
    const sms = fakeChannel('sms');
    sms.failNext(new PermanentSendError('invalid number', 21211));
    const userId = await userWith([{ channel: 'sms', externalId: '+15551230001', seen: '2026-11-22T00:00:00Z' }]);
    await enqueue(userId, 'first');
    await make([sms]).drain();
    await sql('update users set opted_out = true');
    await enqueue(userId, 'second');
    await make([sms]).drain();
    const rows = await sql<{ body: string; status: string; last_error: string }>('select body, status, last_error from outbound_messages order by id');
    expect(rows.map((r) => r.status)).to.deep.equal(['dead', 'dead']);
    expect(rows[1]!.last_error).to.match(/opted out/);
    expect(sms.sent).to.have.length(0);
  });

  it('resends a row whose worker died after claiming it, once the lease is over', async () => {
    const sms = fakeChannel('sms');
    const userId = await userWith([{ channel: 'sms', externalId: '+15551230001', seen: '2026-11-22T00:00:00Z' }]);
    await enqueue(userId, 'survives a crash');
    await sql(`update outbound_messages set status = 'sending', attempts = 1, next_attempt_at = $1`, ['2026-11-23T14:05:00Z']);
    const dispatcher = make([sms]);
    await dispatcher.drain();
    expect(sms.sent).to.have.length(0);
    clock.set('2026-11-23T14:05:00Z');
    await dispatcher.drain();
    expect(sms.sent.map((s) => s.text)).to.deep.equal(['survives a crash']);
  });

  it('two dispatchers draining at once send every row exactly once', async () => {
    const sms = fakeChannel('sms');
    const userId = await userWith([{ channel: 'sms', externalId: '+15551230001', seen: '2026-11-22T00:00:00Z' }]);
    for (let i = 0; i < 300; i++) await enqueue(userId, `m${i}`);
    const a = createDispatcher({ orm: testDb().orm, channels: [sms], clock, logger: silentLogger, maxAttempts: 3, batchSize: 25 });
    const b = createDispatcher({ orm: testDb().orm, channels: [sms], clock, logger: silentLogger, maxAttempts: 3, batchSize: 25 });
    const [ra, rb] = await Promise.all([a.drain(), b.drain()]);
    expect(ra.sent + rb.sent).to.equal(300);
    expect(new Set(sms.sent.map((s) => s.text)).size).to.equal(300);
    expect(sms.sent).to.have.length(300);
  });

  it('delivers one row on demand (late replies)', async () => {
    const sms = fakeChannel('sms');
    const userId = await userWith([]);
    const id = await enqueue(userId, 'late reply', { channel: 'sms', recipient: '+15551230001', kind: 'reply' });
    await make([sms]).deliver(id!);
    expect(sms.sent).to.deep.equal([{ to: '+15551230001', text: 'late reply' }]);
    await make([sms]).deliver(id!);
    expect(sms.sent).to.have.length(1);
  });
});
