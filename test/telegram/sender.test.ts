import { expect } from 'chai';
import { PermanentSendError, type Channel } from '../../src/channels/types.js';
import { resetDb } from '../support/db.js';
import { BLOCKED, CHAT_NOT_FOUND, SERVER_ERROR, TOO_MANY } from '../support/fake-telegram.js';
import { sql } from '../support/pipeline.js';
import { ADA, blockedUpdate, contactUpdate, startTelegramErrand, TEST_BOT_OPTIONS, textUpdate, type TelegramHarness } from '../support/telegram.js';
import { channelTestModule } from './modules.js';

const CHAT = String(ADA.id);

describe('telegram: sending', () => {
  let h: TelegramHarness;
  let channel: Channel;
  beforeEach(resetDb);
  beforeEach(async () => {
    h = await startTelegramErrand({
      mode: 'webhook',
      modules: [channelTestModule()],
      // 5xx answers fail at once here; the production back-off (3 s, 6 s, 12 s) is the plugin's.
      botOptions: { ...TEST_BOT_OPTIONS, retry: { rethrowInternalServerErrors: true } },
    });
    channel = h.errand.channels.find((c) => c.id === 'telegram')!;
    await h.post(contactUpdate(1, { phone_number: '15551230001', user_id: ADA.id }));
    await h.settle();
  });
  afterEach(async () => h.close());

  const sendCalls = () => h.fake.calls.filter((c) => c.method === 'sendMessage');
  const active = async () => (await sql<{ active: boolean }>(`select active from user_channels where channel = 'telegram'`))[0]!.active;

  it('waits out a 429 for retry_after seconds, then succeeds', async () => {
    h.fake.failNext('sendMessage', TOO_MANY(1));
    const before = sendCalls().length;
    const started = performance.now();
    const result = await channel.send(CHAT, 'Reminder: call mum');
    expect(performance.now() - started).to.be.at.least(950);
    expect(sendCalls().slice(before).map((c) => c.status)).to.deep.equal([429, 200]);
    expect(result).to.deep.include({ segments: 1 });
    expect(result.providerMessageId).to.match(/^\d+$/);
  });

  it('marks the channel inactive and does not retry when the user blocked the bot', async () => {
    h.fake.failNext('sendMessage', BLOCKED);
    const before = sendCalls().length;
    let error: unknown;
    await channel.send(CHAT, 'Reminder: call mum').catch((err: unknown) => (error = err));
    expect(error).to.be.instanceOf(PermanentSendError);
    expect((error as PermanentSendError).code).to.equal(403);
    expect(sendCalls().length - before).to.equal(1);
    expect(await active()).to.equal(false);
  });

  it('treats "chat not found" the same way', async () => {
    h.fake.failNext('sendMessage', CHAT_NOT_FOUND);
    let error: unknown;
    await channel.send(CHAT, 'hello').catch((err: unknown) => (error = err));
    expect(error).to.be.instanceOf(PermanentSendError);
    expect(await active()).to.equal(false);
  });

  it('marks the channel inactive when Telegram reports the bot was blocked, and active again when they write', async () => {
    await h.post(blockedUpdate(2));
    await h.settle();
    expect(await active()).to.equal(false);
    await h.post(textUpdate(3, 'whoami'));
    await h.settle();
    expect(await active()).to.equal(true);
  });

  it('hands a computed reply to the outbox when sending it inline fails, and the outbox delivers it', async () => {
    h.fake.failNext('sendMessage', SERVER_ERROR);
    await h.post(textUpdate(4, 'whoami'));
    await h.settle();
    const rows = await sql('select channel, recipient, body, kind, source_type, source_id, status from outbound_messages');
    expect(rows).to.deep.equal([
      { channel: 'telegram', recipient: CHAT, body: 'You are user 1 (+15551230001)', kind: 'reply', source_type: 'telegram_update', source_id: '4', status: 'sent' },
    ]);
    expect(sendCalls().filter((c) => c.payload.text === 'You are user 1 (+15551230001)').map((c) => c.status)).to.deep.equal([500, 200]);
  });

  it('sends nothing for an empty text and splits long text on line breaks', async () => {
    expect(await channel.send(CHAT, '   ')).to.deep.equal({ providerMessageId: undefined, segments: 0 });
    const text = `${'a'.repeat(4000)}\n${'b'.repeat(200)}`;
    const result = await channel.send(CHAT, text);
    expect(result.segments).to.equal(2);
    expect(sendCalls().slice(-2).map((c) => c.payload.text)).to.deep.equal(['a'.repeat(4000), 'b'.repeat(200)]);
  });
});
