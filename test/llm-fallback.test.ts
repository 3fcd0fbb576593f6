import { expect } from 'chai';
import { resetDb } from './support/db.js';
import { httpError, refusal, useFakeOpenAI, textReply, toolCalls, type FakeOpenAI } from './support/fake-openai.js';
import { agentLogs, makeLlmPipeline, notesOf } from './support/llm.js';
import { consoleMessage, sql } from './support/pipeline.js';

const ANA = '+15551230001';

/** The message went to the rules: their answer, one agent_logs row saying why, no tool run from the model. */
async function expectRulesAnswered(reason: string): Promise<void> {
  const logs = await agentLogs();
  expect(logs).to.have.length(1);
  expect(logs[0]!.understanding).to.equal('rules');
  expect(logs[0]!.memory_used).to.include({ path: 'rules', fallback: reason });
  expect(logs[0]!.error).to.equal(null);
}

describe('LLM understanding: the rules as the safety net', () => {
  const server = useFakeOpenAI(resetDb);
  let fake: FakeOpenAI;
  beforeEach(() => {
    fake = server();
  });

  it('falls back on malformed JSON arguments before any handler runs', async () => {
    fake.script(toolCalls({ name: 'note_add', args: '{"text": "milk' }));
    const result = await makeLlmPipeline(fake)(consoleMessage('note buy milk'));
    expect(result.reply).to.equal('📝 Noted: buy milk');
    expect(await notesOf(ANA)).to.deep.equal(['buy milk']);
    await expectRulesAnswered('malformed_arguments');
    expect(fake.requests).to.have.length(1);
  });

  it('falls back on arguments that fail the zod schema, validated before any handler runs', async () => {
    fake.script(toolCalls({ name: 'note_add', args: { text: 'milk' } }, { name: 'note_add', args: { text: 'eggs', at: '25:99' } }));
    const result = await makeLlmPipeline(fake)(consoleMessage('notes'));
    expect(result.reply).to.equal('No notes yet.');
    expect(await notesOf(ANA)).to.deep.equal([]);
    await expectRulesAnswered('invalid_arguments');
    expect((await agentLogs())[0]!.memory_used!.fallbackDetail).to.match(/note_add: at: expected HH:MM/);
  });

  it('falls back on a 500 after the bounded retry', async () => {
    fake.script(httpError(500, { 'retry-after-ms': '10' }), httpError(500));
    const result = await makeLlmPipeline(fake)(consoleMessage('note call mum'));
    expect(result.reply).to.equal('📝 Noted: call mum');
    await expectRulesAnswered('api_error');
    expect(fake.requests).to.have.length(2);
  });

  it('honours retry-after on a 429 and then answers through the model', async () => {
    fake.script(httpError(429, { 'retry-after-ms': '250' }), textReply('Hi! Text me a note to keep.'));
    const result = await makeLlmPipeline(fake)(consoleMessage('hey'));
    expect(result.reply).to.equal('Hi! Text me a note to keep.');
    expect(fake.requests).to.have.length(2);
    expect(fake.requests[1]!.at - fake.requests[0]!.at).to.be.at.least(240);
    expect((await agentLogs())[0]).to.include({ understanding: 'llm' });
  });

  it('falls back when 429s outlast the retries, and at once when retry-after exceeds the budget', async () => {
    fake.script(httpError(429, { 'retry-after': '0' }), httpError(429, { 'retry-after': '0' }));
    await makeLlmPipeline(fake)(consoleMessage('notes'));
    await expectRulesAnswered('api_rate_limited');
    expect(fake.requests).to.have.length(2);

    fake.reset();
    await resetDb();
    fake.script(httpError(429, { 'retry-after': '30' }));
    const started = Date.now();
    const result = await makeLlmPipeline(fake)(consoleMessage('notes'));
    expect(Date.now() - started).to.be.below(1500);
    expect(result.reply).to.equal('No notes yet.');
    await expectRulesAnswered('api_rate_limited');
    expect(fake.requests).to.have.length(1);
  });

  it('falls back when the model is slower than LLM_TIMEOUT_MS', async () => {
    fake.script({ ...toolCalls({ name: 'note_add', args: { text: 'late' } }), delayMs: 1500 });
    const started = Date.now();
    const result = await makeLlmPipeline(fake, { LLM_TIMEOUT_MS: '200', LLM_MAX_RETRIES: '0' })(consoleMessage('note on time'));
    expect(Date.now() - started).to.be.below(1000);
    expect(result.reply).to.equal('📝 Noted: on time');
    expect(await notesOf(ANA)).to.deep.equal(['on time']);
    await expectRulesAnswered('timeout');
  });

  it('falls back on a refusal', async () => {
    fake.script(refusal("I can't help with that."));
    await makeLlmPipeline(fake)(consoleMessage('notes'));
    await expectRulesAnswered('refusal');
  });

  it('falls back on more than LLM_MAX_TOOL_CALLS calls and runs none of them', async () => {
    fake.script(toolCalls(...['a', 'b', 'c'].map((text) => ({ name: 'note_add', args: { text } }))));
    await makeLlmPipeline(fake, { LLM_MAX_TOOL_CALLS: '2' })(consoleMessage('notes'));
    expect(await notesOf(ANA)).to.deep.equal([]);
    await expectRulesAnswered('too_many_tool_calls');
  });

  it('falls back when a reply claims success without any tool call', async () => {
    fake.script(textReply("Done! I've added milk to your notes."));
    const result = await makeLlmPipeline(fake)(consoleMessage('note milk'));
    expect(result.reply).to.equal('📝 Noted: milk');
    await expectRulesAnswered('unbacked_claim');
  });

  it('rate-limits model requests per user per hour; other users keep the model', async () => {
    const handle = makeLlmPipeline(fake, { LLM_MAX_CALLS_PER_USER_PER_HOUR: '2' });
    fake.script(textReply('Hello!'), textReply('Hello again!'), textReply('Hi Bo!'));
    await handle(consoleMessage('hi'));
    await handle(consoleMessage('hi'));
    const third = await handle(consoleMessage('notes'));
    expect(third.reply).to.equal('No notes yet.');
    const other = await handle(consoleMessage('hi', { phone: '+15551230002' }));
    expect(other.reply).to.equal('Hi Bo!');
    expect(fake.requests).to.have.length(3);
    const logs = await agentLogs();
    expect(logs.map((l) => [l.understanding, l.memory_used?.fallback ?? null])).to.deep.equal([
      ['llm', null],
      ['llm', null],
      ['rules', 'user_rate_limit'],
      ['llm', null],
    ]);
  });

  it('leaves an open question to the rules without asking the model', async () => {
    const handle = makeLlmPipeline(fake);
    fake.script(textReply('What should I note?'));
    await handle(consoleMessage('take a note', { receivedAt: new Date('2026-11-23T14:00:00Z') }));
    const pending = { tool: 'note.add', args: {}, missing: 'text', question: 'What should I note?', createdAt: '2026-11-23T14:00:00.000Z' };
    await sql('update conversation_states set pending = $1', [JSON.stringify(pending)]);
    const result = await handle(consoleMessage('pick up the parcel', { receivedAt: new Date('2026-11-23T14:01:00Z') }));
    expect(result.reply).to.equal('📝 Noted: pick up the parcel');
    expect(fake.requests).to.have.length(1);
    const logs = await agentLogs();
    expect(logs[1]!.memory_used).to.deep.equal({ path: 'rules', fallback: 'pending_request' });
    const [state] = await sql<{ pending: unknown }>('select pending from conversation_states');
    expect(state!.pending).to.equal(null);
  });
});
