import { expect } from 'chai';
import { createErrand } from '../src/errand.js';
import { createPipeline } from '../src/pipeline/handle-inbound.js';
import { createStrandedRecovery } from '../src/pipeline/recover-stranded.job.js';
import { fixedClock } from '../src/time.js';
import { toolModules } from '../src/tools/index.js';
import { createRulesUnderstander } from '../src/understanding/rules.js';
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
    const errand = await createErrand({ config: testConfig(), logger: silentLogger, db: testDb(), clock, channels: [{ id: 'sms', create: () => sms }] });
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
    const errand = await createErrand({ config: testConfig(), logger: silentLogger, db: testDb(), clock, channels: [{ id: 'sms', create: () => sms }] });
    await strand(errand, 'help', '2026-11-23T13:59:00Z');
    const [{ id }] = (await sql<{ id: string }>(`select id::text as id from conversation_messages where role = 'user'`)) as [{ id: string }];
    const pipelineResume = Promise.all([errand.scheduler.tick(), errand.scheduler.tick()]);
    await pipelineResume;
    expect(await sql(`select id from conversation_messages where role = 'assistant' and in_reply_to = $1`, [id])).to.have.length(1);
    expect(sms.sent).to.have.length(1);
    await errand.stop();
  });

  it('gives up on a message after 3 attempts that never finish, marks it failed, and still answers the others', async () => {
    const clock = fixedClock('2026-11-23T14:05:00Z');
    const modules = toolModules;
    const pipeline = createPipeline({ orm: testDb().orm, understander: createRulesUnderstander(modules), modules, clock, logger: silentLogger, settings: testConfig() });
    for (const [text, at] of [['help', '13:58'], ['help grocery', '13:59']] as const) {
      await pipeline.handleInbound({ channel: 'sms', phone: '+15551230001', text, providerMessageId: `SM-${text}`, receivedAt: new Date(`2026-11-23T${at}:00Z`) });
    }
    await sql(`delete from conversation_messages where role <> 'user'`);
    await sql(`update conversation_messages set status = 'received'`);
    const [poison] = await sql<{ id: string }>(`select id::text as id from conversation_messages where content = 'help'`);
    let poisonRuns = 0;
    // Throwing stands in for a message that kills its worker: the attempt was counted before it ran.
    const job = createStrandedRecovery({
      ...pipeline,
      resume: async (id) => {
        if (id !== poison!.id) return pipeline.resume(id);
        poisonRuns += 1;
        throw new Error('worker died');
      },
    });
    for (let tick = 0; tick < 5; tick++) {
      // The scheduler logs a job that throws and carries on with the next tick.
      await job.run({ em: testDb().orm.em.fork(), now: clock.now(), logger: silentLogger, startedAt: clock.now(), catchupHorizonHours: 12 }).catch(() => 0);
    }
    expect(poisonRuns).to.equal(3);
    expect(await sql(`select content, status, recovery_attempts from conversation_messages where role = 'user' order by id`)).to.deep.equal([
      { content: 'help', status: 'failed', recovery_attempts: 3 },
      { content: 'help grocery', status: 'processed', recovery_attempts: 1 },
    ]);
    expect(await sql(`select body from outbound_messages`)).to.have.length(1);
  });
});
