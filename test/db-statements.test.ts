import { expect } from 'chai';
import { releaseOldestHeld, sendersWithHeld } from '../src/db/held-messages.js';
import { recordInboundRows, upsertUserLocked, type InboundRecord } from '../src/db/record-inbound.sql.js';
import { recordOutcomeRows } from '../src/db/record-outcome.sql.js';
import { claimStranded, giveUpStranded } from '../src/db/stranded-messages.js';
import { AgentLog, ConversationMessage, ConversationState, User } from '../src/entities/index.js';
import { resetDb, testDb } from './support/db.js';

const AT = new Date('2026-11-23T14:00:00Z');

function record(overrides: Partial<InboundRecord> = {}): InboundRecord {
  return {
    phone: '+15551230001',
    timezone: 'America/New_York',
    channel: 'sms',
    externalId: null,
    at: AT,
    idleSince: new Date(AT.getTime() - 30 * 60_000),
    newConversationId: 'conv-1',
    content: 'hello?',
    messageType: 'text',
    providerMessageId: 'SM1',
    metadata: { a: 1 },
    status: 'received',
    ...overrides,
  };
}

/** The raw statements of src/db that the pipeline and its jobs use: `?` placeholders, typed rows. */
describe('raw statements in src/db', () => {
  beforeEach(resetDb);
  const em = () => testDb().orm.em.fork();

  it("records a turn's messages in order, only the conversation fields that change, and its agent log", async () => {
    const { user, messageId } = await recordInboundRows(em(), record({ status: 'processed' }));
    const tool = { role: 'tool', content: '{}', message_type: 'tool_result', tool_name: 'grocery.add', tool_success: true, metadata: null } as const;
    const reply = { role: 'assistant', content: 'Added milk', message_type: 'text', tool_name: null, tool_success: null, metadata: { parts: 1 } } as const;
    const log = {
      user_input: 'hello?', agent_response: 'Added milk', tool_called: 'grocery.add', tool_output: [{ ok: true }], memory_used: null,
      understanding: 'rules', latency_ms: 3, error: null, timestamp: AT,
    };
    const base = { conversationId: 'conv-1', userId: user.id as number, channel: 'sms', inReplyTo: messageId, at: AT };
    const pending = { tool: 'grocery.clear', args: {}, missing: 'yes-no', question: 'Sure?', createdAt: AT.toISOString() };
    const wrote = await recordOutcomeRows(em(), { ...base, messages: [tool, reply], conversation: { focusAreas: ['grocery'], pending }, log });
    expect(wrote).to.deep.equal({ messages: 2, conversations: 1, logs: 1 });
    const rows = await em().find(ConversationMessage, { inReplyTo: messageId }, { orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.role, r.toolName ?? null, r.metadata ?? null])).to.deep.equal([['tool', 'grocery.add', null], ['assistant', null, { parts: 1 }]]);
    const state = await em().findOneOrFail(ConversationState, 'conv-1');
    expect([state.focusAreas, state.pending, state.lastToolResult ?? null]).to.deep.equal([['grocery'], pending, null]);
    expect(await em().count(AgentLog, { messageId })).to.equal(1);

    const cleared = await recordOutcomeRows(em(), { ...base, messages: [reply], conversation: { pending: null }, log: null });
    expect(cleared).to.deep.equal({ messages: 1, conversations: 1, logs: 0 });
    const after = await em().findOneOrFail(ConversationState, 'conv-1');
    expect([after.focusAreas, after.pending ?? null]).to.deep.equal([['grocery'], null]);
    expect((await recordOutcomeRows(em(), { ...base, messages: [], conversation: {}, log: null })).conversations).to.equal(0);
  });

  it('records user, channel, conversation and message in one statement, and continues the conversation', async () => {
    const first = await recordInboundRows(em(), record());
    expect(first.user).to.include({ phone_number: '+15551230001', timezone: 'America/New_York' });
    expect(first.conversation).to.include({ conversation_id: 'conv-1', step_count: 1, user_input: 'hello?' });
    expect(first.messageId).to.be.a('string');
    const user = em().map(User, first.user);
    expect(user.createdAt).to.be.instanceOf(Date);
    const second = await recordInboundRows(em(), record({ providerMessageId: 'SM2', newConversationId: 'conv-2', content: 'again' }));
    expect(second.conversation).to.include({ conversation_id: 'conv-1', step_count: 2 });
    expect(Number(second.messageId)).to.be.greaterThan(Number(first.messageId));
    const stored = await em().findOneOrFail(ConversationMessage, first.messageId);
    expect(stored).to.include({ status: 'received', content: 'hello?', providerMessageId: 'SM1' });
    expect(stored.metadata).to.deep.equal({ a: 1 });
  });

  it('fails a redelivered provider message id with the unique violation and writes nothing', async () => {
    await recordInboundRows(em(), record());
    let error: unknown;
    await recordInboundRows(em(), record({ newConversationId: 'conv-x' })).catch((err: unknown) => (error = err));
    expect((error as { code?: string }).code).to.equal('23505');
    expect(await em().count(ConversationMessage, {})).to.equal(1);
  });

  it('upserts and locks a user in a transaction', async () => {
    const row = await testDb().orm.em.fork().transactional((tx) => upsertUserLocked(tx, '+15551230002', 'UTC'));
    const again = await upsertUserLocked(em(), '+15551230002', 'Europe/Paris');
    expect(again.id).to.equal(row.id);
    expect(again.timezone).to.equal('UTC');
  });

  it('lists senders with held messages and releases their oldest one at a time', async () => {
    const a = await recordInboundRows(em(), record({ providerMessageId: 'SM1' }));
    const b = await recordInboundRows(em(), record({ providerMessageId: 'SM2' }));
    await em().nativeUpdate(ConversationMessage, { id: { $in: [a.messageId, b.messageId] } }, { status: 'held' });
    expect(await sendersWithHeld(em(), 10)).to.deep.equal([{ userId: a.user.id, phone: '+15551230001' }]);
    expect(await releaseOldestHeld(em(), a.user.id as number)).to.deep.equal({ id: a.messageId, channel: 'sms', recipient: '+15551230001' });
    // The first one still waits for its answer: the next stays held.
    expect(await releaseOldestHeld(em(), a.user.id as number)).to.equal(undefined);
    expect(await em().getRepository(ConversationMessage).isHeld(b.messageId)).to.equal(true);
    expect(await em().getRepository(ConversationMessage).heldBefore(a.user.id as number, String(Number(b.messageId) + 1))).to.equal(true);
    expect(await em().getRepository(ConversationMessage).heldBefore(a.user.id as number, b.messageId)).to.equal(false);
  });

  it('claims stranded messages once each and gives up after the last attempt', async () => {
    const a = await recordInboundRows(em(), record());
    const later = new Date(AT.getTime() + 60_000);
    const claimed = await claimStranded(em(), later, 2, 10);
    expect(claimed).to.deep.equal([{ id: a.messageId, userId: a.user.id, channel: 'sms', phone: '+15551230001' }]);
    expect(await claimStranded(em(), AT, 2, 10)).to.deep.equal([]);
    expect(await giveUpStranded(em(), later, 2)).to.deep.equal([]);
    await claimStranded(em(), later, 2, 10);
    expect(await claimStranded(em(), later, 2, 10)).to.deep.equal([]);
    expect(await giveUpStranded(em(), later, 2)).to.deep.equal([a.messageId]);
  });
});
