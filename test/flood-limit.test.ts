import { expect } from 'chai';
import type { ChannelFactory } from '../src/channels/types.js';
import { initDb, type Database } from '../src/db/init-db.js';
import { createErrand, type Errand } from '../src/errand.js';
import { FLOOD_NOTICE } from '../src/pipeline/flood-limit.js';
import { fixedClock } from '../src/time.js';
import { resetDb, testDb } from './support/db.js';
import { fakeChannel } from './support/fake-channel.js';
import { silentLogger, testConfig } from './support/fixtures.js';
import { sql } from './support/pipeline.js';
import { startSms, twimlMessages, type SmsHarness } from './support/sms.js';

const N = 3;
const LIMIT = { MAX_MESSAGES_PER_SENDER_PER_MINUTE: String(N) };
const ITEMS = ['milk', 'eggs', 'bread', 'apples', 'coffee', 'rice', 'butter', 'cheese', 'honey', 'flour'];
const added = (item: string, i: number) => `🛒 Added ${item}. ${i + 1} item${i ? 's' : ''} on your list.`;

describe('flood limit per sender, shared by every instance', () => {
  const clock = fixedClock('2026-11-23T14:00:00Z');
  let gateways: SmsHarness[] = [];
  let errands: Errand[] = [];
  let secondPool: Database | undefined;

  beforeEach(async () => {
    await resetDb();
    clock.set('2026-11-23T14:00:00Z');
  });
  afterEach(async () => {
    for (const g of gateways) await g.stop();
    for (const e of errands) await e.stop();
    await secondPool?.close();
    [gateways, errands, secondPool] = [[], [], undefined];
  });

  /** One SMS gateway on the test database; `ownPool` gives it a pool of its own, as a second instance has. */
  async function gateway(ownPool = false): Promise<SmsHarness> {
    if (ownPool) {
      const databaseUrl = testDb().orm.config.get('clientUrl')!;
      secondPool = await initDb({ config: { databaseUrl, dataDir: 'memory://', dbPoolMax: 2, migrateOnStart: false } });
    }
    // Replies inline as long as Twilio allows, so a slow machine does not move them to the outbox.
    const g = await startSms({ config: LIMIT, clock, db: ownPool ? secondPool : undefined, env: { SMS_INLINE_REPLY_MS: '10000' } });
    gateways.push(g);
    return g;
  }

  /** The service with the given channels, as the chat (a terminal channel) and the CLI (none) start it. */
  async function service(channels: ChannelFactory[]): Promise<Errand> {
    const errand = await createErrand({ config: testConfig(LIMIT), logger: silentLogger, db: testDb(), clock, channels });
    errands.push(errand);
    return errand;
  }

  /** What the webhook answered inline (TwiML), as one string per message. */
  const text = async (g: SmsHarness, body: string) => twimlMessages((await g.inbound(body)).body).join('\n');
  const heldCount = async () => {
    const [row] = await sql<{ n: number }>(`select count(*)::int as n from conversation_messages where status = 'held'`);
    return row!.n;
  };

  it('two gateways on one database answer N messages a minute from one sender between them, not N each', async () => {
    const [a, b] = [await gateway(), await gateway(true)];
    const replies: string[] = [];
    for (const [i, item] of ITEMS.slice(0, 2 * N + 2).entries()) replies.push(await text(i % 2 ? b! : a!, `add ${item}`));

    expect(replies.slice(0, N).every((r, i) => r.includes(ITEMS[i]!)), replies.join(' | ')).to.equal(true);
    expect(replies[N]).to.equal(FLOOD_NOTICE);
    expect(replies.slice(N + 1)).to.deep.equal(Array(N + 1).fill(''));
    expect(await sql(`select id from conversation_messages where role = 'user'`)).to.have.length(2 * N + 2);
    expect(await heldCount()).to.equal(N + 2);
    const someoneElse = twimlMessages((await b!.inbound('add tea', { From: '+15551230002' })).body).join('\n');
    expect(someoneElse).to.include('tea');
  });

  it('holds to N between two gateways when the messages arrive at once', async () => {
    const [a, b] = [await gateway(), await gateway(true)];
    const replies = await Promise.all(ITEMS.slice(0, 2 * N + 2).map((item, i) => text(i % 2 ? b! : a!, `add ${item}`)));
    const kinds = replies.map((r) => (r === FLOOD_NOTICE ? 'notice' : r.startsWith('🛒 Added') ? 'answer' : r || 'nothing'));
    expect(kinds.filter((k) => k === 'answer'), replies.join(' | ')).to.have.length(N);
    expect(kinds.filter((k) => k === 'notice'), replies.join(' | ')).to.have.length(1);
    expect(kinds.filter((k) => k === 'nothing'), replies.join(' | ')).to.have.length(N + 1);
    expect(await heldCount()).to.equal(N + 2);
  });

  it('answers held messages in order through the outbox once the minute has passed, N a minute', async () => {
    const g = await gateway();
    for (const item of ITEMS.slice(0, 2 * N + 1)) await text(g, `add ${item}`);
    expect(await heldCount()).to.equal(N + 1);

    clock.set('2026-11-23T14:00:40Z'); // same minute: nothing is due, and a new message waits behind the others
    await g.errand.scheduler.tick();
    expect(await text(g, `add ${ITEMS[2 * N + 1]}`)).to.equal('');
    expect(g.twilio.messages).to.have.length(0);

    clock.set('2026-11-23T14:01:00Z');
    await g.errand.scheduler.tick();
    expect(g.twilio.messages.map((m) => m.Body)).to.have.length(N);
    clock.set('2026-11-23T14:02:00Z');
    await g.errand.scheduler.tick();
    const expected = ITEMS.slice(N, 2 * N + 2);
    // Answered in the order they came (each reply counts the list so far); the outbox sends them side by side.
    const answers = await sql<{ content: string }>(
      `select a.content from conversation_messages a join conversation_messages m on m.id = a.in_reply_to
        where a.role = 'assistant' and m.content like 'add %' order by a.id`,
    );
    expect(answers.map((a) => a.content).filter((c) => c && c !== FLOOD_NOTICE)).to.deep.equal(ITEMS.slice(0, 2 * N + 2).map(added));
    expect(g.twilio.messages.map((m) => m.Body).sort()).to.deep.equal(expected.map((item) => added(item, ITEMS.indexOf(item))).sort());
    expect(await heldCount()).to.equal(0);

    clock.set('2026-11-23T14:03:00Z');
    await g.errand.scheduler.tick();
    expect(g.twilio.messages, 'each held message is answered once').to.have.length(expected.length);
  });

  it('answers a held Telegram message in the chat it came from', async () => {
    const telegram = fakeChannel('telegram');
    const errand = await service([{ id: 'telegram', create: () => telegram }]);
    const chat = { channel: 'telegram', phone: '+15551230003', externalId: '4242' } as const;
    const say = (text: string, i: number) => errand.handleInbound({ ...chat, text, providerMessageId: `u${i}`, receivedAt: clock.now() });
    const replies: (string | null)[] = [];
    for (const [i, item] of ITEMS.slice(0, N + 2).entries()) replies.push((await say(`add ${item}`, i)).reply);
    expect(replies.slice(N)).to.deep.equal([FLOOD_NOTICE, null]);

    clock.set('2026-11-23T14:01:00Z');
    await errand.scheduler.tick();
    expect(telegram.sent).to.have.deep.members([3, 4].map((i) => ({ to: '4242', text: added(ITEMS[i]!, i) })));
  });

  it('does not limit the local chat or the CLI (console messages, replayed with their own times)', async () => {
    const terminal: ChannelFactory = { id: 'console', create: () => ({ id: 'console', textLimit: 10_000, send: async () => ({}) }) };
    for (const channels of [[terminal], []]) {
      const errand = await service(channels);
      const replies: (string | null)[] = [];
      for (const [i, item] of ITEMS.slice(0, 2 * N).entries()) {
        const receivedAt = new Date(Date.parse('2026-11-23T14:00:00Z') + i * 1000);
        replies.push((await errand.handleInbound({ channel: 'console', phone: '+15551230009', text: `add ${item}`, receivedAt })).reply);
      }
      expect(replies.every((r, i) => r?.includes(ITEMS[i]!)), replies.join(' | ')).to.equal(true);
      await resetDb();
    }
  });
});
