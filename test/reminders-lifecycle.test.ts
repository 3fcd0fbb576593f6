import { expect } from 'chai';
import { resetDb } from './support/db.js';
import { reminderRows, schedulerHarness, type SchedulerHarness } from './support/scheduler.js';

describe('reminders: what snooze may bring back', () => {
  let h: SchedulerHarness | undefined;
  beforeEach(resetDb);
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  const sayAt = (at: string, text: string) => {
    h!.clock.set(at);
    return h!.say(text);
  };

  it('does not resurrect a one-off marked done; it offers a new one instead', async () => {
    h = await schedulerHarness('2026-11-23T19:00:00Z');
    await h.say('remind me in 5 min to check the oven');
    expect(await h.tickAt('2026-11-23T19:05:00Z')).to.deep.equal(['⏰ Check the oven']);
    expect(await sayAt('2026-11-23T19:06:00Z', 'done')).to.match(/Done: Check the oven/);
    expect(await sayAt('2026-11-23T19:07:00Z', 'snooze 15 min')).to.match(/^You already marked "Check the oven" done[\s\S]*2:22 PM/);
    expect((await reminderRows()).map((r) => [r.status, r.due_at])).to.deep.equal([['done', '2026-11-23T19:05:00.000Z']]);
    expect(await h.tickAt('2026-11-23T19:22:00Z')).to.deep.equal([]);
    h.clock.set('2026-11-23T19:07:30Z');
    expect(await h.say('yes')).to.equal('⏰ Check the oven — Mon Nov 23, 2:22 PM');
    expect(await h.tickAt('2026-11-23T19:22:00Z')).to.deep.equal(['⏰ Check the oven']);
  });

  it('does not bring back an occurrence of a recurring reminder marked done', async () => {
    h = await schedulerHarness('2026-11-24T12:00:00Z');
    await h.say('remind me every day at 8 to walk the dog');
    expect(await h.tickAt('2026-11-24T13:00:00Z')).to.deep.equal(['⏰ Walk the dog']);
    expect(await sayAt('2026-11-24T13:10:00Z', 'done')).to.match(/next one Wed Nov 25, 8:00 AM/);
    expect(await sayAt('2026-11-24T13:11:00Z', 'snooze 10 min')).to.match(/^You already marked "Walk the dog" done[\s\S]*next one Wed Nov 25, 8:00 AM/);
    expect((await reminderRows()).map((r) => [r.status, r.due_at])).to.deep.equal([['pending', '2026-11-25T13:00:00.000Z']]);
    expect(await h.tickAt('2026-11-24T13:21:00Z')).to.deep.equal([]);
  });

  it('says a cancelled reminder is cancelled instead of snoozing an older one', async () => {
    h = await schedulerHarness('2026-11-24T12:50:00Z');
    await h.say('remind me in 5 min to call sam');
    await h.say('remind me every day at 8 to walk the dog');
    expect(await h.tickAt('2026-11-24T12:55:00Z')).to.deep.equal(['⏰ Call sam']);
    expect(await h.tickAt('2026-11-24T13:00:00Z')).to.deep.equal(['⏰ Walk the dog']);
    expect(await sayAt('2026-11-24T13:05:00Z', 'stop reminding me to walk the dog')).to.match(/Cancelled: Walk the dog/);
    expect(await sayAt('2026-11-24T13:06:00Z', 'snooze 10 min')).to.match(/^You cancelled "Walk the dog"/);
    expect((await reminderRows()).map((r) => [r.text, r.status, r.due_at])).to.deep.equal([
      ['Call sam', 'sent', '2026-11-24T12:55:00.000Z'],
      ['Walk the dog', 'cancelled', '2026-11-25T13:00:00.000Z'],
    ]);
  });

  it('still snoozes a reminder that went off and was not dealt with', async () => {
    h = await schedulerHarness('2026-11-23T19:00:00Z');
    await h.say('remind me in 5 min to check the oven');
    await h.tickAt('2026-11-23T19:05:00Z');
    expect(await sayAt('2026-11-23T19:06:00Z', 'snooze 15 min')).to.equal('😴 Snoozed: Check the oven — Mon Nov 23, 2:21 PM');
    expect(await h.tickAt('2026-11-23T19:21:00Z')).to.deep.equal(['⏰ Check the oven']);
  });
});
