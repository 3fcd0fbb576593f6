import { expect } from 'chai';
import { resetDb, testDb } from './support/db.js';
import { httpError, useFakeOpenAI, textReply, toolCalls, type FakeOpenAI } from './support/fake-openai.js';
import { agentLogs, llmEnv, makeLlmPipeline, notesOf, TEST_API_KEY, toolRows } from './support/llm.js';
import { consoleMessage, sql } from './support/pipeline.js';
import { createErrand } from '../src/errand.js';
import { ConfigError } from '../src/config.js';
import { silentLogger, testConfig } from './support/fixtures.js';
import { notesModule } from './support/notes-module.js';

const ANA = '+15551230001';

describe('LLM understanding: tool calling through the openai SDK', () => {
  const server = useFakeOpenAI(resetDb);
  let fake: FakeOpenAI;
  beforeEach(() => {
    fake = server();
  });

  it('runs one tool call, words the reply from its result and records the llm path with tokens and latency', async () => {
    fake.script(toolCalls({ name: 'note_add', args: { text: 'buy milk', at: '18:00' } }), textReply('Noted "buy milk" for Mon Nov 23, 6:00 PM.'));
    const result = await makeLlmPipeline(fake)(consoleMessage('remember to buy milk at 6pm'));

    expect(result.reply).to.equal('Noted "buy milk" for Mon Nov 23, 6:00 PM.');
    expect(await notesOf(ANA)).to.deep.equal(['buy milk']);
    const [note] = await sql<{ metadata: { at: string } }>(`select metadata from conversation_messages where message_type = 'note'`);
    expect(note!.metadata.at).to.equal('2026-11-23T18:00:00.000Z');
    const tools = await toolRows();
    expect(tools).to.have.length(1);
    expect(tools[0]).to.include({ tool_name: 'note.add', tool_success: true });
    expect(JSON.parse(tools[0]!.content)).to.deep.include({ args: { text: 'buy milk', at: '18:00' } });
    const roles = await sql<{ role: string; status: string | null }>('select role, status from conversation_messages where message_type <> $1 order by id', ['note']);
    expect(roles).to.deep.equal([{ role: 'user', status: 'processed' }, { role: 'tool', status: null }, { role: 'assistant', status: null }]);

    const [log] = await agentLogs();
    expect(log).to.include({ understanding: 'llm', tool_called: 'note.add', agent_response: result.reply, error: null });
    expect(log!.memory_used).to.include({ path: 'llm', model: 'fake-model', requests: 2, promptTokens: 200, completionTokens: 40, replyFrom: 'model' });
    expect(log!.memory_used!.history).to.deep.equal([]);
    expect(log!.memory_used!.llmLatencyMs).to.be.a('number');
  });

  it('sends a strict function schema, the user\'s local time and zone, and never the API key in the prompt', async () => {
    fake.script(textReply('Hi! I can keep notes for you.'));
    await sql(`insert into users (phone_number, timezone, name) values ($1, 'America/New_York', 'Ana')`, [ANA]);
    await makeLlmPipeline(fake)(consoleMessage('hi there'));

    const [req] = fake.requests;
    expect(req!.headers.authorization).to.equal(`Bearer ${TEST_API_KEY}`);
    const system = req!.body.messages[0]!;
    expect(system.role).to.equal('system');
    expect(system.content).to.include('Monday, November 23, 2026, 9:00 AM').and.include('America/New_York').and.include("The user's name is Ana");
    expect(system.content).to.match(/Never compute dates, instants/);
    expect(system.content).to.include('note_add').and.include('note_list');
    expect(JSON.stringify(req!.body)).not.to.include(TEST_API_KEY);
    expect(req!.body.messages.at(-1)).to.deep.include({ role: 'user', content: 'hi there' });

    const add = req!.body.tools!.find((t) => t.function.name === 'note_add')!;
    expect(add.function.strict).to.equal(true);
    expect(add.function.parameters).to.deep.include({ required: ['text', 'at'], additionalProperties: false });
    expect((add.function.parameters.properties as Record<string, unknown>).at).to.deep.include({ anyOf: [{ type: 'string' }, { type: 'null' }] });
    expect(req!.body.tool_choice).to.equal('auto');
  });

  it('treats a strict null for an optional field as "not given"', async () => {
    fake.script(toolCalls({ name: 'note_add', args: { text: 'call mum', at: null } }), textReply('Noted: call mum.'));
    const result = await makeLlmPipeline(fake)(consoleMessage('note: call mum'));
    expect(result.reply).to.equal('Noted: call mum.');
    expect(await notesOf(ANA)).to.deep.equal(['call mum']);
  });

  it('runs parallel tool calls from one message and feeds every result back by call id', async () => {
    fake.script(
      toolCalls({ name: 'note_add', args: { text: 'milk' } }, { name: 'note_add', args: { text: 'eggs', at: '09:30' } }),
      textReply('Noted milk, and eggs for Mon Nov 23, 9:30 AM.'),
    );
    const result = await makeLlmPipeline(fake)(consoleMessage('note milk and eggs at 9:30'));
    expect(result.reply).to.equal('Noted milk, and eggs for Mon Nov 23, 9:30 AM.');
    expect(await notesOf(ANA)).to.deep.equal(['milk', 'eggs']);
    expect((await toolRows()).map((r) => r.tool_success)).to.deep.equal([true, true]);

    const wording = fake.requests[1]!.body;
    expect(wording.tool_choice).to.equal('none');
    const assistant = wording.messages.find((m) => m.role === 'assistant')!;
    const results = wording.messages.filter((m) => m.role === 'tool');
    expect(results.map((m) => m.tool_call_id)).to.deep.equal(assistant.tool_calls!.map((c) => c.id));
    expect(JSON.parse(results[1]!.content!)).to.deep.equal({ ok: true, reply: '📝 Noted: eggs — Mon Nov 23, 9:30 AM' });
    const [log] = await agentLogs();
    expect(log).to.include({ understanding: 'llm', tool_called: 'note.add,note.add' });
  });

  it('feeds a tool error back to the model and sends its honest wording', async () => {
    fake.script(toolCalls({ name: 'note_remove', args: { text: 'dentist' } }), textReply("I couldn't find a note about the dentist."));
    const result = await makeLlmPipeline(fake)(consoleMessage('delete my dentist note'));
    expect(result.reply).to.equal("I couldn't find a note about the dentist.");
    expect(await toolRows()).to.have.length(1);
    expect((await toolRows())[0]).to.include({ tool_name: 'note.remove', tool_success: false });
    const fed = fake.requests[1]!.body.messages.find((m) => m.role === 'tool')!;
    expect(JSON.parse(fed.content!)).to.deep.equal({ ok: false, reply: 'No note matching "dentist".' });
    const [log] = await agentLogs();
    expect(log!.memory_used).to.include({ path: 'llm', replyFrom: 'model' });
  });

  it("replaces wording that claims success for a failed tool call with the tool's own reply", async () => {
    fake.script(toolCalls({ name: 'note_remove', args: { text: 'dentist' } }), textReply('Done — I removed your dentist note.'));
    const result = await makeLlmPipeline(fake)(consoleMessage('delete my dentist note'));
    expect(result.reply).to.equal('No note matching "dentist".');
    const [log] = await agentLogs();
    expect(log).to.include({ understanding: 'llm', agent_response: 'No note matching "dentist".' });
    expect(log!.memory_used).to.include({ replyFrom: 'tools', replyReason: 'claim_without_success' });
  });

  it("replaces wording that claims a reminder when no reminder tool ran (\"I'll remind you\" needs a stored reminder)", async () => {
    fake.script(toolCalls({ name: 'note_add', args: { text: 'dentist' } }), textReply("Noted dentist — I'll remind you tomorrow."));
    const result = await makeLlmPipeline(fake)(consoleMessage('note dentist and remind me tomorrow'));
    expect(result.reply).to.equal('📝 Noted: dentist');
    expect((await agentLogs())[0]!.memory_used).to.include({ replyFrom: 'tools', replyReason: 'claim_without_tool' });
  });

  it('keeps the resolved time: wording that drops it is replaced by the tool reply', async () => {
    fake.script(toolCalls({ name: 'note_add', args: { text: 'gym', at: '07:15' } }), textReply('Noted gym for tomorrow morning.'));
    const result = await makeLlmPipeline(fake)(consoleMessage('note gym at 7:15'));
    expect(result.reply).to.equal('📝 Noted: gym — Mon Nov 23, 7:15 AM');
    expect((await agentLogs())[0]!.memory_used).to.include({ replyFrom: 'tools', replyReason: 'dropped_time' });
  });

  it("sends the tools' replies when the wording request fails, still on the llm path", async () => {
    fake.script(toolCalls({ name: 'note_add', args: { text: 'milk' } }), httpError(500, { 'retry-after-ms': '10' }), httpError(500));
    const result = await makeLlmPipeline(fake)(consoleMessage('note milk'));
    expect(result.outcome).to.equal('replied');
    expect(result.reply).to.equal('📝 Noted: milk');
    expect(await notesOf(ANA)).to.deep.equal(['milk']);
    const [log] = await agentLogs();
    expect(log).to.include({ understanding: 'llm', tool_called: 'note.add' });
    expect(log!.memory_used).to.include({ replyFrom: 'tools', replyReason: 'api_error', requests: 2 });
    expect(fake.requests).to.have.length(3);
  });

  it('gives the model the last LLM_HISTORY_MESSAGES user/assistant messages and records their ids', async () => {
    const handle = makeLlmPipeline(fake, { LLM_HISTORY_MESSAGES: '3' });
    fake.script(textReply('Hello!'), toolCalls({ name: 'note_add', args: { text: 'milk' } }), textReply('Noted milk.'), textReply('You have one note.'));
    await handle(consoleMessage('hello', { receivedAt: new Date('2026-11-23T14:00:00Z') }));
    await handle(consoleMessage('note milk', { receivedAt: new Date('2026-11-23T14:01:00Z') }));
    await handle(consoleMessage('what did I note?', { receivedAt: new Date('2026-11-23T14:02:00Z') }));

    const sent = fake.requests[3]!.body.messages;
    expect(sent.map((m) => [m.role, m.content])).to.deep.equal([
      ['system', sent[0]!.content],
      ['assistant', 'Hello!'],
      ['user', 'note milk'],
      ['assistant', 'Noted milk.'],
      ['user', 'what did I note?'],
    ]);
    const ids = await sql<{ id: string }>(
      `select id::text as id from conversation_messages where role in ('user', 'assistant') and content in ('Hello!', 'note milk', 'Noted milk.') order by id`,
    );
    const logs = await agentLogs();
    expect(logs[2]!.memory_used!.history).to.deep.equal(ids.map((r) => r.id));
    expect(logs[0]!.memory_used!.history).to.deep.equal([]);
  });

  it('crashes cleanly when a tool throws on the llm path: sorry, message failed, nothing kept', async () => {
    fake.script(toolCalls({ name: 'note_add', args: { text: 'milk' } }, { name: 'note_explode', args: {} }));
    const result = await makeLlmPipeline(fake)(consoleMessage('note milk then explode'));
    expect(result.outcome).to.equal('failed');
    expect(result.reply).to.equal('Sorry, something went wrong — please try again.');
    expect(await notesOf(ANA)).to.deep.equal([]);
    expect(await toolRows()).to.deep.equal([]);
    const [inbound] = await sql<{ status: string }>(`select status from conversation_messages where role = 'user'`);
    expect(inbound!.status).to.equal('failed');
    const [log] = await agentLogs();
    expect(log!.understanding).to.equal('llm');
    expect(log!.error).to.match(/database went away/);
    expect(fake.requests).to.have.length(1);
  });

  it('is switched on by OPENAI_API_KEY in createErrand, and a bad LLM setting stops start-up naming it', async () => {
    fake.script(textReply('Hello from the model!'));
    const errand = await createErrand({ config: testConfig(llmEnv(fake)), logger: silentLogger, db: testDb(), modules: [notesModule], channels: [] });
    const result = await errand.handleInbound(consoleMessage('hello'));
    await errand.stop();
    expect(result.reply).to.equal('Hello from the model!');
    expect(fake.requests).to.have.length(1);

    let error: unknown;
    try {
      await createErrand({ config: testConfig(llmEnv(fake, { LLM_MAX_TOOL_CALLS: 'lots' })), logger: silentLogger, channels: [] });
    } catch (err) {
      error = err;
    }
    expect(error).to.be.instanceOf(ConfigError);
    expect((error as Error).message).to.match(/LLM_MAX_TOOL_CALLS/);
  });
});
