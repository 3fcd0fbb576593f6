import { expect } from 'chai';
import { resetDb } from '../support/db.js';
import { reminderRows, schedulerHarness, type SchedulerHarness } from '../support/scheduler.js';

const dueTimes = async () => (await reminderRows()).map((r) => [r.text, r.due_at]);

describe('scheduler: recurring reminders and the user\'s time zone', () => {
  let h: SchedulerHarness | undefined;
  beforeEach(resetDb);
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('a plain "every monday at 9" follows the user to a new zone; one pinned to London time keeps London', async () => {
    h = await schedulerHarness('2026-11-23T19:00:00Z');
    await h.say('remind me every monday at 9 to take out the trash');
    expect(await h.say('remind me every monday at 9 london time to call mum')).to.match(/Mon Nov 30, 4:00 AM \(every week on Monday at 9:00 AM Europe\/London time\)/);
    expect(await h.say('i moved to paris')).to.match(/keep their local times there \(next: Take out the trash — Mon Nov 30, 9:00 AM\)/);
    expect(await dueTimes()).to.deep.equal([['Take out the trash', '2026-11-30T08:00:00.000Z'], ['Call mum', '2026-11-30T09:00:00.000Z']]);
    expect(await h.tickAt('2026-11-30T08:00:00Z')).to.deep.equal(['⏰ Take out the trash']);
    expect(await h.tickAt('2026-11-30T09:00:00Z')).to.deep.equal(['⏰ Call mum']);
    expect(await dueTimes()).to.deep.equal([['Take out the trash', '2026-12-07T08:00:00.000Z'], ['Call mum', '2026-12-07T09:00:00.000Z']]);
  });

  it('later occurrences follow a zone changed after the reminder was set, and a snooze keeps the time asked for', async () => {
    h = await schedulerHarness('2026-11-23T13:50:00Z');
    await h.say('remind me every day at 9 to stretch');
    expect(await h.tickAt('2026-11-23T14:00:00Z')).to.deep.equal(['⏰ Stretch']);
    h.clock.set('2026-11-23T14:01:00Z');
    await h.say('snooze 30 min');
    await h.say("i'm in london");
    expect(await dueTimes()).to.deep.equal([['Stretch', '2026-11-23T14:31:00.000Z']]);
    expect(await h.tickAt('2026-11-23T14:31:00Z')).to.deep.equal(['⏰ Stretch']);
    expect(await dueTimes()).to.deep.equal([['Stretch', '2026-11-24T09:00:00.000Z']]);
    expect(await h.tickAt('2026-11-24T09:00:00Z')).to.deep.equal(['⏰ Stretch']);
    expect(await h.say('reminders')).to.match(/Stretch — Wed Nov 25, 9:00 AM \(every day\)/);
  });
});
