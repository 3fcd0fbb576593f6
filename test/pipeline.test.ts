import { expect } from 'chai';
import { z } from 'zod';
import { resetDb } from './support/db.js';
import { consoleMessage, makePipeline, sql } from './support/pipeline.js';
import { defineTool, type ToolModule } from '../src/tools/types.js';
import { SORRY_REPLY } from '../src/pipeline/replies.js';

const explodingModule: ToolModule = {
  name: 'boom',
  tools: [
    defineTool({
      name: 'boom',
      description: 'always fails',
      schema: z.object({}),
      execute: async () => {
        throw new Error('database went away');
      },
    }),
  ],
  rules: [{ name: 'boom', match: ({ text }) => (text === 'boom' ? { kind: 'tools', calls: [{ tool: 'boom', args: {} }] } : null) }],
};

describe('pipeline: handleInbound', () => {
  beforeEach(resetDb);

  it('creates the user, conversation, messages and agent log for a first message', async () => {
    const handle = makePipeline();
    const result = await handle(consoleMessage('help'));
    expect(result.outcome).to.equal('replied');
    expect(result.reply).to.match(/Errand/);

    const [user] = await sql<{ phone_number: string; timezone: string }>('select * from users');
    expect(user).to.include({ phone_number: '+15551230001', timezone: 'UTC' });
    const states = await sql<{ step_count: number; user_input: string; channel: string }>('select * from conversation_states');
    expect(states).to.have.length(1);
    expect(states[0]).to.include({ step_count: 1, user_input: 'help', channel: 'console' });
    const messages = await sql<{ role: string; status: string | null; in_reply_to: string | null }>('select role, status, in_reply_to from conversation_messages order by id');
    expect(messages.map((m) => m.role)).to.deep.equal(['user', 'assistant']);
    expect(messages[0]!.status).to.equal('processed');
    const logs = await sql<{ user_input: string; agent_response: string; understanding: string }>('select * from agent_logs');
    expect(logs).to.have.length(1);
    expect(logs[0]).to.include({ user_input: 'help', understanding: 'rules', agent_response: result.reply });
    const channels = await sql('select channel, external_id from user_channels');
    expect(channels).to.deep.equal([{ channel: 'console', external_id: '+15551230001' }]);
  });

  it('counts steps within a conversation and starts a new one after the idle window', async () => {
    const handle = makePipeline({ env: { CONVERSATION_IDLE_MINUTES: '60' } });
    await handle(consoleMessage('hi', { receivedAt: new Date('2026-11-23T10:00:00Z') }));
    await handle(consoleMessage('help', { receivedAt: new Date('2026-11-23T10:30:00Z') }));
    await handle(consoleMessage('thanks', { receivedAt: new Date('2026-11-23T11:29:00Z') }));
    await handle(consoleMessage('hello again', { receivedAt: new Date('2026-11-23T12:30:00Z') }));
    const states = await sql<{ step_count: number }>('select step_count from conversation_states order by created_at');
    expect(states.map((s) => s.step_count)).to.deep.equal([3, 1]);
  });

  it('keeps separate conversations per channel for the same person', async () => {
    const handle = makePipeline();
    await handle(consoleMessage('hi'));
    await handle(consoleMessage('hi', { channel: 'sms', providerMessageId: 'SM1' }));
    const [{ users }] = (await sql<{ users: string }>('select count(*)::text as users from users')) as [{ users: string }];
    expect(users).to.equal('1');
    expect(await sql('select channel from conversation_states order by channel')).to.deep.equal([{ channel: 'console' }, { channel: 'sms' }]);
  });

  it('runs a redelivered provider message id once and answers with the stored reply', async () => {
    const handle = makePipeline();
    const first = await handle(consoleMessage('help', { channel: 'sms', providerMessageId: 'SM123' }));
    const again = await handle(consoleMessage('help', { channel: 'sms', providerMessageId: 'SM123' }));
    expect(again.outcome).to.equal('duplicate');
    expect(again.reply).to.equal(first.reply);
    expect(await sql('select id from conversation_messages where role = $1', ['user'])).to.have.length(1);
    expect(await sql('select id from agent_logs')).to.have.length(1);
    const [state] = await sql<{ step_count: number }>('select step_count from conversation_states');
    expect(state!.step_count).to.equal(1);
  });

  it('processes concurrent duplicate deliveries exactly once', async () => {
    const handle = makePipeline();
    const results = await Promise.all([1, 2, 3].map(() => handle(consoleMessage('help', { channel: 'sms', providerMessageId: 'SMdup' }))));
    expect(results.filter((r) => r.outcome === 'replied')).to.have.length(1);
    expect(await sql('select id from conversation_messages where role = $1', ['user'])).to.have.length(1);
    expect(await sql('select id from agent_logs')).to.have.length(1);
  });

  it('answers an empty message and still records it', async () => {
    const result = await makePipeline()(consoleMessage('   '));
    expect(result.reply).to.match(/empty message/);
    expect(await sql('select content from conversation_messages where role = $1', ['user'])).to.deep.equal([{ content: '   ' }]);
  });

  it('stores long, emoji and right-to-left texts intact', async () => {
    const handle = makePipeline();
    const texts = ['x'.repeat(10_000), 'remind me 🎂🎉 👨‍👩‍👧', 'תזכיר לי לקנות חלב', 'ذكرني غدا', 'nul\u0000byte'];
    for (const text of texts) {
      const result = await handle(consoleMessage(text));
      expect(result.outcome).to.equal('replied');
      expect(result.reply).to.be.a('string').and.not.be.empty;
    }
    const stored = await sql<{ content: string }>('select content from conversation_messages where role = $1 order by id', ['user']);
    expect(stored.map((s) => s.content)).to.deep.equal(texts.map((t) => t.replace('\u0000', '')));
  });

  it('answers unknown requests with a friendly reply', async () => {
    const result = await makePipeline()(consoleMessage('fly me to the moon'));
    expect(result.reply).to.match(/Sorry/);
    expect(result.outcome).to.equal('replied');
  });

  it('rejects an invalid phone number with a clear error and stores nothing', async () => {
    let error: unknown;
    try {
      await makePipeline()(consoleMessage('hi', { phone: 'not-a-phone' }));
    } catch (err) {
      error = err;
    }
    expect(error).to.be.instanceOf(Error);
    expect((error as Error).message).to.match(/doesn't look like a phone number/);
    expect(await sql('select id from users')).to.have.length(0);
  });

  it('normalises national formatting to E.164', async () => {
    await makePipeline()(consoleMessage('hi', { phone: '+1 (555) 123-0009' }));
    expect(await sql('select phone_number from users')).to.deep.equal([{ phone_number: '+15551230009' }]);
  });

  it('rolls back a crashed message, says please try again and keeps the inbound message marked failed', async () => {
    const handle = makePipeline({ modules: [explodingModule] });
    const result = await handle(consoleMessage('boom'));
    expect(result.outcome).to.equal('failed');
    expect(result.reply).to.equal(SORRY_REPLY);
    const messages = await sql<{ role: string; status: string | null; metadata: { error?: string } | null }>(
      'select role, status, metadata from conversation_messages order by id',
    );
    expect(messages.map((m) => m.role)).to.deep.equal(['user', 'assistant']);
    expect(messages[0]!.status).to.equal('failed');
    expect(messages[0]!.metadata?.error).to.match(/database went away/);
    expect(await sql('select id from conversation_messages where role = $1', ['tool'])).to.have.length(0);
    const [log] = await sql<{ error: string }>('select error from agent_logs');
    expect(log!.error).to.match(/database went away/);
  });

  it('puts the reply in the outbox with the reply itself once the webhook was answered without it', async () => {
    let acknowledged = false;
    const replyRoute = { channel: 'sms' as const, recipient: '+15551230001', acknowledged: () => acknowledged };
    await makePipeline()(consoleMessage('help', { channel: 'sms', providerMessageId: 'SMinline', replyRoute }));
    expect(await sql('select id from outbound_messages')).to.have.length(0);
    acknowledged = true;
    const late = await makePipeline()(consoleMessage('help', { channel: 'sms', providerMessageId: 'SMlate', replyRoute }));
    const rows = await sql<{ body: string; channel: string; recipient: string; source_type: string; source_id: string; status: string }>(
      'select body, channel, recipient, source_type, source_id, status from outbound_messages',
    );
    expect(rows).to.deep.equal([{ body: late.reply, channel: 'sms', recipient: '+15551230001', source_type: 'reply', source_id: late.messageId, status: 'queued' }]);
  });
});
