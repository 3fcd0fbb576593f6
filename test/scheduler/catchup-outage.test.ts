import { expect } from 'chai';
import { createDueRemindersJob } from '../../src/tools/reminder/reminder.job.js';
import { resetDb, testDb } from '../support/db.js';
import { fakeChannel } from '../support/fake-channel.js';
import { silentLogger } from '../support/fixtures.js';
import { sql } from '../support/pipeline.js';
import { ALICE, reminderRows, schedulerHarness } from '../support/scheduler.js';

const BOB = '+15551230002';

async function seed(phone: string, text: string, dueAt: string, rrule: string | null = null): Promise<void> {
  await sql(`insert into reminders (user_id, text, due_at, rrule, timezone) select id, $1, $2, $3, 'America/New_York' from users where phone_number = $4`, [text, dueAt, rrule, phone]);
}

describe('scheduler: downtime catch-up', () => {
  beforeEach(resetDb);

  it('sends recent missed reminders marked late and folds older ones into one digest per user', async () => {
    // Errand comes back at 10 AM New York after being down since Sunday.
    const h = await schedulerHarness('2026-11-24T15:00:00Z');
    await h.say('hi');
    await h.say('hi', BOB);
    await seed(ALICE, 'Call the dentist', '2026-11-24T14:00:00Z');
    await seed(ALICE, 'Stand up', '2026-11-24T14:59:30Z');
    await seed(ALICE, 'Pay rent', '2026-11-23T18:00:00Z');
    await seed(ALICE, 'Water the plants', '2026-11-22T13:00:00Z', 'DTSTART;TZID=America/New_York:20261101T080000\nRRULE:FREQ=DAILY');
    await seed(BOB, 'Feed the cat', '2026-11-23T12:00:00Z');
    expect(await h.tickAt('2026-11-24T15:00:00Z')).to.have.members(['⏰ Call the dentist (late — was due 9:00 AM)', '⏰ Stand up']);
    // The digest waits a minute so every batch of the run can add to it.
    const digests = await h.tickAt('2026-11-24T15:01:00Z');
    expect(digests).to.have.members([
      '🕒 While I was offline you missed:\n• Water the plants — Sun Nov 22, 8:00 AM\n• Pay rent — Mon Nov 23, 1:00 PM',
      '🕒 While I was offline you missed:\n• Feed the cat — Mon Nov 23, 7:00 AM',
    ]);
    expect(h.sms.sent.filter((s) => s.to === BOB)).to.have.length(1);
    // The recurring one skips the occurrences it missed: next is tomorrow 8 AM.
    expect((await reminderRows()).find((r) => r.text === 'Water the plants')).to.include({ status: 'pending', due_at: '2026-11-25T13:00:00.000Z' });
    expect(await h.tickAt('2026-11-24T15:05:00Z')).to.deep.equal([]);
    await h.stop();
  });

  it('builds one digest across many batches of a run, and holds it through quiet hours', async () => {
    const h = await schedulerHarness('2026-11-24T04:30:00Z'); // 11:30 PM in New York
    await h.say('hi');
    for (let i = 1; i <= 5; i++) await seed(ALICE, `Task ${i}`, `2026-11-23T0${i}:00:00Z`);
    const run = (now: string) =>
      createDueRemindersJob({ batchSize: 2 }).run({ em: testDb().orm.em.fork(), now: new Date(now), logger: silentLogger, startedAt: new Date(now), catchupHorizonHours: 12 });
    expect(await run('2026-11-24T04:30:00Z')).to.equal(5);
    const [digest] = await sql<{ body: string; next_attempt_at: Date; kind: string }>(`select body, next_attempt_at, kind from outbound_messages`);
    expect(digest!.body.split('\n')).to.have.length(6);
    expect(digest!.kind).to.equal('system');
    expect(new Date(digest!.next_attempt_at).toISOString()).to.equal('2026-11-24T12:01:00.000Z');
    expect(await h.tickAt('2026-11-24T11:59:00Z')).to.deep.equal([]);
    expect(await h.tickAt('2026-11-24T12:01:00Z')).to.have.length(1);
    await h.stop();
  });

  it('never adds to a digest that has already left: the batch rolls back and the next run starts a new one', async () => {
    const h = await schedulerHarness('2026-11-24T15:00:00Z');
    await h.say('hi');
    const run = (now: string) =>
      createDueRemindersJob().run({ em: testDb().orm.em.fork(), now: new Date(now), logger: silentLogger, startedAt: new Date(now), catchupHorizonHours: 12 });
    await seed(ALICE, 'First', '2026-11-23T01:00:00Z');
    await run('2026-11-24T15:00:00Z');
    await sql(`update outbound_messages set status = 'sent'`);
    await seed(ALICE, 'Second', '2026-11-23T02:00:00Z');
    let error: unknown;
    await run('2026-11-24T15:00:00Z').catch((err: unknown) => (error = err));
    expect(String(error)).to.match(/already sent/);
    expect((await reminderRows())[1]).to.include({ status: 'pending' });
    await run('2026-11-24T15:01:00Z');
    const bodies = await sql<{ body: string }>(`select body from outbound_messages order by id`);
    expect(bodies.map((b) => b.body.split('\n')[1])).to.deep.equal(['• First — Sun Nov 22, 8:00 PM', '• Second — Sun Nov 22, 9:00 PM']);
    await h.stop();
  });
});

describe('scheduler: provider outage', () => {
  beforeEach(resetDb);

  it('loses nothing when the provider fails for 5 minutes: retries with backoff deliver each reminder once', async () => {
    const outageEnds = Date.parse('2026-11-24T15:05:00Z');
    const h = await schedulerHarness('2026-11-24T15:00:00Z', {}, (clock) => {
      const inner = fakeChannel('sms');
      return { ...inner, sent: inner.sent, async send(to, text) {
        if (clock.now().getTime() < outageEnds) throw new Error('503 Service Unavailable');
        return inner.send(to, text);
      } };
    });
    await h.say('hi');
    for (let i = 1; i <= 20; i++) await seed(ALICE, `Job ${i}`, '2026-11-24T15:00:00Z');
    for (let t = Date.parse('2026-11-24T15:00:00Z'); t <= Date.parse('2026-11-24T15:20:00Z'); t += 30_000) await h.tickAt(new Date(t).toISOString());
    expect(h.sms.sent).to.have.length(20);
    expect(new Set(h.sms.sent.map((s) => s.text)).size).to.equal(20);
    const rows = await sql<{ status: string; attempts: number }>(`select status, attempts from outbound_messages`);
    expect(rows.every((r) => r.status === 'sent')).to.equal(true);
    expect(Math.max(...rows.map((r) => r.attempts))).to.be.greaterThan(1);
    await h.stop();
  });
});
