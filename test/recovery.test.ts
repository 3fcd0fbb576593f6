import { expect } from 'chai';
import { createErrand } from '../src/errand.js';
import { fixedClock } from '../src/time.js';
import { resetDb, testDb } from './support/db.js';
import { fakeChannel } from './support/fake-channel.js';
import { silentLogger, testConfig } from './support/fixtures.js';
import { sql } from './support/pipeline.js';

describe('stranded messages (stored, never answered)', () => {
  beforeEach(resetDb);

  async function strand(errand: Awaited<ReturnType<typeof createErrand>>, text: string, at: string) {
    // What a crash between storing and answering leaves behind: the user message, still 'received'.
    await errand.handleInbound({ channel: 'sms', phone: '+15551230001', text, providerMessageId: `SM-${text}`, receivedAt: new Date(at) });
    await sql(`delete from conversation_messages where role <> 'user'`);
    await sql(`delete from agent_logs`);
    await sql(`update conversation_messages set status = 'received'`);
  }

  it('are answered on a later tick, through the outbox, exactly once', async () => {
    const clock = fixedClock('2026-11-23T14:00:00Z');
    const sms = fakeChannel('sms');
    const errand = await createErrand({ config: testConfig(), logger: silentLogger, db: testDb(), env: {}, clock, channels: [{ id: 'sms', create: () => sms }] });
    await strand(errand, 'help', '2026-11-23T13:59:00Z');

    await errand.scheduler.tick();
    expect(sms.sent).to.have.length(0); // too recent: it may still be answered live

    clock.set('2026-11-23T14:05:00Z');
    const report = await errand.scheduler.tick();
    expect(report.jobs['recover-stranded-messages']).to.equal(1);
    expect(sms.sent).to.have.length(1);
    expect(sms.sent[0]!.to).to.equal('+15551230001');
    expect(sms.sent[0]!.text).to.match(/Errand/);
    expect(await sql(`select status from conversation_messages where role = 'user'`)).to.deep.equal([{ status: 'processed' }]);
    expect(await sql(`select role from conversation_messages where role = 'assistant'`)).to.have.length(1);

    await errand.scheduler.tick();
    expect(sms.sent).to.have.length(1);
    await errand.stop();
  });

  it('never answers a message twice when a live answer and the recovery race', async () => {
    const clock = fixedClock('2026-11-23T14:05:00Z');
    const sms = fakeChannel('sms');
    const errand = await createErrand({ config: testConfig(), logger: silentLogger, db: testDb(), env: {}, clock, channels: [{ id: 'sms', create: () => sms }] });
    await strand(errand, 'help', '2026-11-23T13:59:00Z');
    const [{ id }] = (await sql<{ id: string }>(`select id::text as id from conversation_messages where role = 'user'`)) as [{ id: string }];
    const pipelineResume = Promise.all([errand.scheduler.tick(), errand.scheduler.tick()]);
    await pipelineResume;
    expect(await sql(`select id from conversation_messages where role = 'assistant' and in_reply_to = $1`, [id])).to.have.length(1);
    expect(sms.sent).to.have.length(1);
    await errand.stop();
  });
});
