import { expect } from 'chai';
import { resetDb } from './support/db.js';
import { consoleMessage, makePipeline, sql } from './support/pipeline.js';

const ALICE = '+15551230001';
const BOB = '+15551230002';
const AT = new Date('2026-11-23T19:00:00Z');

describe('reminders and calendar: conversations', () => {
  beforeEach(resetDb);
  const send = (handle: ReturnType<typeof makePipeline>, phone: string, text: string, at = AT) => handle(consoleMessage(text, { phone, receivedAt: at }));

  it('keeps two users apart: lists, numbers and words never reach the other user', async () => {
    const handle = makePipeline({ env: { DEFAULT_TIMEZONE: 'America/New_York' } });
    await send(handle, ALICE, 'remind me to call the dentist tomorrow at 10am');
    await send(handle, ALICE, 'dentist appointment tuesday at 3pm');
    expect((await send(handle, BOB, 'my reminders')).reply).to.match(/no upcoming reminders/);
    expect((await send(handle, BOB, "what's on tuesday")).reply).to.match(/Nothing on your calendar/);
    expect((await send(handle, BOB, 'cancel 1')).reply).to.match(/don't see (?:a reminder|event) number 1/);
    expect((await send(handle, BOB, 'cancel the dentist reminder')).reply).to.match(/couldn't find/);
    expect((await send(handle, BOB, 'delete dentist from my calendar')).reply).to.match(/couldn't find/);
    expect((await send(handle, BOB, 'move dentist to 4pm')).reply).to.match(/couldn't find/);
    const reminders = await sql<{ status: string; phone_number: string }>('select r.status, u.phone_number from reminders r join users u on u.id = r.user_id');
    expect(reminders).to.deep.equal([{ status: 'pending', phone_number: ALICE }]);
    const events = await sql<{ start_at: Date; phone_number: string }>('select e.start_at, u.phone_number from calendar_events e join users u on u.id = e.user_id');
    expect(events).to.have.length(1);
    expect(new Date(events[0]!.start_at).toISOString()).to.equal('2026-11-24T20:00:00.000Z');
  });

  it('finds a recent reminder by its words behind years of sent ones', async () => {
    const handle = makePipeline();
    await send(handle, ALICE, 'remind me to water the plants in 5 min');
    await sql(
      `insert into reminders (user_id, text, due_at, timezone, status, created_at, updated_at)
       select r.user_id, 'Old chore ' || g, r.due_at - g * interval '1 day', r.timezone, 'sent', r.created_at, r.updated_at
         from reminders r, generate_series(1, 600) g`,
    );
    await sql(`update reminders set status = 'sent' where text = 'Water the plants'`);
    const reply = await send(handle, ALICE, 'mark water the plants as done', new Date(AT.getTime() + 6 * 60_000));
    expect(reply.reply).to.match(/Done: Water the plants/);
    expect(await sql(`select status from reminders where text = 'Water the plants'`)).to.deep.equal([{ status: 'done' }]);
  });

  it('records the pending question, then the tool call, in conversation state and logs', async () => {
    const handle = makePipeline({ env: { DEFAULT_TIMEZONE: 'America/New_York' } });
    await send(handle, ALICE, 'remind me to call the dentist');
    const [state] = await sql<{ pending: { tool: string; missing: string; args: { text: string } } }>('select pending from conversation_states');
    expect(state!.pending).to.include({ tool: 'reminders.create', missing: 'when' });
    expect(state!.pending.args.text).to.equal('Call the dentist');
    const reply = await send(handle, ALICE, 'tomorrow 10am', new Date('2026-11-23T19:05:00Z'));
    expect(reply.reply).to.equal('⏰ Call the dentist — Tue Nov 24, 10:00 AM');
    const [after] = await sql<{ pending: unknown }>('select pending from conversation_states');
    expect(after!.pending).to.equal(null);
    const tools = await sql<{ tool_name: string; tool_success: boolean }>("select tool_name, tool_success from conversation_messages where role = 'tool' order by id");
    expect(tools).to.deep.equal([{ tool_name: 'reminders.create', tool_success: true }, { tool_name: 'reminders.create', tool_success: true }]);
    const logs = await sql<{ tool_called: string | null }>('select tool_called from agent_logs order by id');
    expect(logs.map((l) => l.tool_called)).to.deep.equal(['reminders.create', 'reminders.create']);
  });

  it('does not let an expired question capture a later message', async () => {
    const handle = makePipeline({ env: { DEFAULT_TIMEZONE: 'America/New_York' } });
    await send(handle, ALICE, 'add dentist to my calendar');
    const late = await send(handle, ALICE, 'tuesday at 3pm', new Date('2026-11-23T19:31:00Z'));
    expect(late.reply).to.not.match(/📅 Dentist/);
    expect(await sql('select id from calendar_events')).to.have.length(0);
  });

  it('asks which one when words match several reminders, and the number then works', async () => {
    const handle = makePipeline({ env: { DEFAULT_TIMEZONE: 'America/New_York' } });
    await send(handle, ALICE, 'remind me to call mom tomorrow at 5');
    await send(handle, ALICE, 'remind me to call mom friday at 5');
    const ask = await send(handle, ALICE, 'cancel call mom');
    expect(ask.reply).to.match(/Which one should I cancel\?\n1\. Call mom — Tue Nov 24, 5:00 PM\n2\. Call mom — Fri Nov 27, 5:00 PM/);
    await send(handle, ALICE, 'cancel 2');
    const rows = await sql<{ status: string }>('select status from reminders order by due_at');
    expect(rows.map((r) => r.status)).to.deep.equal(['pending', 'cancelled']);
  });

  it('answers every reminder/calendar tool with a reply, never silence, when nothing matches', async () => {
    const handle = makePipeline({ env: { DEFAULT_TIMEZONE: 'America/New_York' } });
    for (const text of ['snooze', 'done', "what's next", 'my reminders', 'delete 3', 'move lunch to 3pm']) {
      const result = await send(handle, ALICE, text);
      expect(result.outcome, text).to.equal('replied');
      expect(result.reply, text).to.be.a('string').and.not.be.empty;
    }
  });
});
