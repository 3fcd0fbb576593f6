import { expect } from 'chai';
import { resetDb } from '../support/db.js';
import { sql } from '../support/pipeline.js';
import { reminderRows, schedulerHarness } from '../support/scheduler.js';

describe('scheduler: due reminders', () => {
  beforeEach(resetDb);

  it('sends a one-off reminder once, at its time, and marks it sent', async () => {
    const h = await schedulerHarness('2026-11-23T14:00:00Z');
    expect(await h.say('remind me to call the dentist tomorrow at 9am')).to.match(/Tue Nov 24, 9:00 AM/);
    expect(await h.tickAt('2026-11-24T13:59:00Z')).to.deep.equal([]);
    expect(await h.tickAt('2026-11-24T14:00:00Z')).to.deep.equal(['⏰ Call the dentist']);
    expect(await h.tickAt('2026-11-24T14:01:00Z')).to.deep.equal([]);
    expect(await reminderRows()).to.deep.equal([{ text: 'Call the dentist', status: 'sent', due_at: '2026-11-24T14:00:00.000Z', last_sent_at: '2026-11-24T14:00:00.000Z' }]);
    const [row] = await sql('select kind, source_type, status, occurrence_at from outbound_messages');
    expect(row).to.deep.include({ kind: 'reminder', source_type: 'reminder', status: 'sent' });
    await h.stop();
  });

  it('keeps a daily 9 AM reminder at 9 AM across the fall-back DST change (America/New_York, 2026-11-01)', async () => {
    const h = await schedulerHarness('2026-10-30T12:00:00Z');
    await h.say('remind me every day at 9am to take my pills');
    expect((await reminderRows())[0]!.due_at).to.equal('2026-10-30T13:00:00.000Z');
    expect(await h.tickAt('2026-10-30T13:00:00Z')).to.deep.equal(['⏰ Take my pills']);
    expect(await h.tickAt('2026-10-31T13:00:00Z')).to.deep.equal(['⏰ Take my pills']);
    expect((await reminderRows())[0]).to.include({ status: 'pending', due_at: '2026-11-01T14:00:00.000Z' });
    expect(await h.tickAt('2026-11-01T13:00:00Z')).to.deep.equal([]); // 8 AM EST: not yet
    expect(await h.tickAt('2026-11-01T14:00:00Z')).to.deep.equal(['⏰ Take my pills']);
    expect((await reminderRows())[0]).to.include({ status: 'pending', due_at: '2026-11-02T14:00:00.000Z' });
    await h.stop();
  });

  it('keeps wall times across the spring-forward DST change (2027-03-14), including a time the change skips', async () => {
    const h = await schedulerHarness('2027-03-12T15:00:00Z');
    await h.say('remind me every day at 9am to stretch');
    await h.say('remind me every day at 2:30am to check the server');
    await h.say('remind me to call grandma on march 15 at 9am');
    expect(await h.tickAt('2027-03-13T07:30:00Z')).to.deep.equal(['⏰ Check the server']);
    expect(await h.tickAt('2027-03-13T14:00:00Z')).to.deep.equal(['⏰ Stretch']);
    expect((await reminderRows()).map((r) => r.due_at)).to.deep.equal(['2027-03-14T13:00:00.000Z', '2027-03-14T07:30:00.000Z', '2027-03-15T13:00:00.000Z']);
    // 2:30 AM does not exist on March 14: it goes at 3:30 AM EDT, once.
    expect(await h.tickAt('2027-03-14T07:30:00Z')).to.deep.equal(['⏰ Check the server']);
    expect(await h.tickAt('2027-03-14T13:00:00Z')).to.deep.equal(['⏰ Stretch']);
    expect(await h.tickAt('2027-03-15T06:30:00Z')).to.deep.equal(['⏰ Check the server']);
    expect(await h.tickAt('2027-03-15T13:00:00Z')).to.have.members(['⏰ Stretch', '⏰ Call grandma']);
    expect((await reminderRows()).map((r) => [r.status, r.due_at])).to.deep.equal([
      ['pending', '2027-03-16T13:00:00.000Z'],
      ['pending', '2027-03-16T06:30:00.000Z'],
      ['sent', '2027-03-15T13:00:00.000Z'],
    ]);
    await h.stop();
  });

  it('sends a snoozed reminder again at its new time (a new occurrence)', async () => {
    const h = await schedulerHarness('2026-11-23T14:00:00Z');
    await h.say('remind me in 5 min to check the oven');
    expect(await h.tickAt('2026-11-23T14:05:00Z')).to.deep.equal(['⏰ Check the oven']);
    h.clock.set('2026-11-23T14:06:00Z');
    expect(await h.say('snooze 10 min')).to.match(/Snoozed/);
    expect(await h.tickAt('2026-11-23T14:15:00Z')).to.deep.equal([]);
    expect(await h.tickAt('2026-11-23T14:16:00Z')).to.deep.equal(['⏰ Check the oven']);
    const rows = await sql<{ occurrence_at: Date }>(`select occurrence_at from outbound_messages where source_type = 'reminder' order by id`);
    expect(rows.map((r) => new Date(r.occurrence_at).toISOString())).to.deep.equal(['2026-11-23T14:05:00.000Z', '2026-11-23T14:16:00.000Z']);
    await h.stop();
  });

  it('sends nothing for a reminder cancelled before it is due', async () => {
    const h = await schedulerHarness('2026-11-23T14:00:00Z');
    await h.say('remind me to call the dentist at 3pm');
    expect(await h.say('cancel the dentist reminder')).to.match(/Cancelled/);
    expect(await h.tickAt('2026-11-23T20:00:00Z')).to.deep.equal([]);
    expect(await sql('select id from outbound_messages')).to.have.length(0);
    await h.stop();
  });

  it('hands over many reminders due at once in batches, each exactly once', async () => {
    const h = await schedulerHarness('2026-11-23T14:00:00Z');
    await h.say('hi');
    await sql(`insert into reminders (user_id, text, due_at, timezone)
               select (select id from users), 'R' || g, '2026-11-23T14:00:00Z'::timestamptz - g * interval '1 second', 'America/New_York'
                 from generate_series(1, 1200) g`);
    const sent = await h.tickAt('2026-11-23T14:00:00Z');
    expect(sent).to.have.length(1200);
    expect(new Set(sent).size).to.equal(1200);
    expect(await sql(`select id from reminders where status = 'pending'`)).to.have.length(0);
    expect(await h.tickAt('2026-11-23T14:01:00Z')).to.deep.equal([]);
    await h.stop();
  });
});
