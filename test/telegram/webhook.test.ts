import { expect } from 'chai';
import { SORRY_REPLY } from '../../src/pipeline/replies.js';
import { resetDb } from '../support/db.js';
import { sql } from '../support/pipeline.js';
import { ADA, contactUpdate, locationUpdate, startTelegramErrand, stickerUpdate, textUpdate, type TelegramHarness } from '../support/telegram.js';
import { channelTestModule } from './modules.js';

async function linkAda(h: TelegramHarness): Promise<void> {
  await h.post(contactUpdate(1, { phone_number: '15551230001', user_id: ADA.id }));
  await h.settle();
}

describe('telegram: webhook intake', () => {
  let h: TelegramHarness;
  let openGate: () => void = () => {};
  beforeEach(resetDb);
  beforeEach(async () => {
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    h = await startTelegramErrand({ mode: 'webhook', modules: [channelTestModule(gate)] });
  });
  afterEach(async () => {
    openGate();
    await h.close();
  });

  it('answers 401 to a missing or wrong secret token and stores nothing', async () => {
    const missing = await h.post(textUpdate(10, 'hi'), null);
    const wrong = await h.post(textUpdate(11, 'hi'), 'not-the-secret-at-all-000000');
    expect(missing.status).to.equal(401);
    expect(wrong.status).to.equal(401);
    expect(((await wrong.json()) as { message: string }).message).to.match(/Secret-Token/);
    await h.settle();
    expect(await sql('select * from telegram_updates')).to.deep.equal([]);
    expect(h.fake.sent()).to.deep.equal([]);
  });

  it('processes a redelivered update_id once', async () => {
    await linkAda(h);
    const first = await h.post(textUpdate(20, 'whoami'));
    const again = await h.post(textUpdate(20, 'whoami'));
    expect([first.status, again.status]).to.deep.equal([200, 200]);
    await h.settle();
    expect(h.fake.sent().filter((c) => /You are user/.test(c.payload.text))).to.have.length(1);
    expect(await sql(`select count(*)::int as n from conversation_messages where role = 'user'`)).to.deep.equal([{ n: 1 }]);
    expect(await sql('select update_id::int as id, kind, status from telegram_updates order by update_id')).to.deep.equal([
      { id: 1, kind: 'contact', status: 'processed' },
      { id: 20, kind: 'text', status: 'processed' },
    ]);
  });

  it('acknowledges at once while the reply is still being worked out, then sends it', async () => {
    await linkAda(h);
    const res = await h.post(textUpdate(30, 'slow'));
    expect(res.status).to.equal(200);
    expect(await sql(`select status from telegram_updates where update_id = 30`)).to.deep.equal([{ status: 'received' }]);
    expect(h.fake.sent().some((c) => c.payload.text === 'finally done')).to.equal(false);
    openGate();
    await h.settle();
    expect(h.fake.sent().at(-1)!.payload).to.include({ chat_id: String(ADA.id), text: 'finally done' });
  });

  it('keeps one chat’s updates in order even when the first is slow', async () => {
    await linkAda(h);
    await h.post(textUpdate(40, 'slow'));
    await h.post(textUpdate(41, 'whoami'));
    openGate();
    await h.settle();
    const texts = h.fake.sent().slice(-2).map((c) => c.payload.text as string);
    expect(texts[0]).to.equal('finally done');
    expect(texts[1]).to.match(/^You are user/);
  });

  it('maps menu commands to words the rules understand', async () => {
    await linkAda(h);
    await h.post(textUpdate(50, '/reminders@errand_test_bot'));
    await h.settle();
    expect(h.fake.sent().at(-1)!.payload.text).to.equal('REMINDERS');
    const [row] = await sql<{ content: string; metadata: { command: string } }>(`select content, metadata from conversation_messages where role = 'user'`);
    expect(row).to.deep.include({ content: 'list my reminders' });
    expect(row!.metadata.command).to.equal('/reminders@errand_test_bot');
  });

  it('answers stickers and locations with "I only read text for now" and records them', async () => {
    await linkAda(h);
    await h.post(stickerUpdate(60));
    await h.post(locationUpdate(61));
    await h.settle();
    const replies = h.fake.sent().slice(-2).map((c) => c.payload.text as string);
    expect(replies).to.have.length(2);
    for (const text of replies) expect(text).to.match(/I only read text for now/);
    expect(await sql('select update_id::int as id, kind, status from telegram_updates where update_id >= 60 order by update_id')).to.deep.equal([
      { id: 60, kind: 'sticker', status: 'processed' },
      { id: 61, kind: 'location', status: 'processed' },
    ]);
  });

  it('sends a long reply as parts of at most 4096 characters, in order, as plain text', async () => {
    await linkAda(h);
    await h.post(textUpdate(70, 'long 9000'));
    await h.settle();
    const parts = h.fake.sent().slice(1).map((c) => c.payload);
    expect(parts).to.have.length(3);
    for (const p of parts) {
      expect(p.text.length).to.be.at.most(4096);
      expect(p).to.not.have.property('parse_mode');
    }
    const lines = parts.flatMap((p) => (p.text as string).split('\n'));
    expect(lines).to.have.length(90);
    expect(lines.map((l) => l.slice(0, 4))).to.deep.equal(Array.from({ length: 90 }, (_, i) => String(i).padStart(4, '0')));
  });
});

describe('telegram: error boundary', () => {
  let h: TelegramHarness;
  beforeEach(resetDb);
  afterEach(async () => h.close());

  it('answers the user and logs when a handler fails, and keeps serving', async () => {
    let calls = 0;
    h = await startTelegramErrand({
      mode: 'webhook',
      modules: [channelTestModule()],
      wrapDeps: (deps) => ({
        ...deps,
        handleInbound: async (message) => {
          if (++calls === 1) throw new Error('database went away');
          return deps.handleInbound(message);
        },
      }),
    });
    await linkAda(h);
    expect((await h.post(textUpdate(80, 'whoami'))).status).to.equal(200);
    await h.settle();
    expect(h.fake.sent().at(-1)!.payload.text).to.equal(SORRY_REPLY);
    const [row] = await sql<{ status: string; error: string }>('select status, error from telegram_updates where update_id = 80');
    expect(row).to.deep.equal({ status: 'failed', error: 'Error: database went away' });

    await h.post(textUpdate(81, 'whoami'));
    await h.settle();
    expect(h.fake.sent().at(-1)!.payload.text).to.match(/^You are user/);
  });
});
