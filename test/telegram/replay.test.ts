import { expect } from 'chai';
import { resetDb } from '../support/db.js';
import { sql } from '../support/pipeline.js';
import { STRANDED_AFTER_MS } from '../../src/pipeline/recover-stranded.job.js';
import { ADA, contactUpdate, MALLORY, startTelegramErrand, textUpdate, type TelegramHarness } from '../support/telegram.js';

describe('telegram: updates a crash left unanswered', () => {
  let h: TelegramHarness;
  beforeEach(resetDb);
  beforeEach(async () => {
    h = await startTelegramErrand({ mode: 'webhook' });
    await h.post(contactUpdate(1, { phone_number: '15551230001', user_id: ADA.id }));
    await h.settle();
  });
  afterEach(() => h.close());

  it('are replayed by the scheduler once, and answered once', async () => {
    // What a crash right after storing an update leaves: the row, still 'received', and nothing else.
    await sql(`insert into telegram_updates (update_id, chat_id, kind, payload, received_at) values ($1, $2, 'text', $3, $4)`, [
      50, ADA.id, JSON.stringify(textUpdate(50, 'add milk')), '2026-11-23T13:50:00Z',
    ]);
    const sentBefore = h.fake.sent().length;
    await h.errand.scheduler.tick();
    await h.settle();
    await h.errand.scheduler.tick();
    await h.settle();
    const replies = h.fake.sent().slice(sentBefore).map((m) => String(m.payload.text));
    expect(replies).to.have.length(1);
    expect(replies[0]).to.match(/Added milk/);
    expect(await sql(`select status from telegram_updates where update_id = 50`)).to.deep.equal([{ status: 'processed' }]);
    expect(await sql(`select name from grocery_items`)).to.deep.equal([{ name: 'milk' }]);
  });

  it('leaves recent updates alone: they may still be in progress', async () => {
    await sql(`insert into telegram_updates (update_id, chat_id, kind, payload, received_at) values ($1, $2, 'text', $3, $4)`, [
      51, ADA.id, JSON.stringify(textUpdate(51, 'add eggs')), '2026-11-23T13:59:30Z',
    ]);
    await h.errand.scheduler.tick();
    await h.settle();
    expect(await sql(`select status from telegram_updates where update_id = 51`)).to.deep.equal([{ status: 'received' }]);
  });

  /** Scheduler ticks, each late enough for an update replayed by the one before to count as stranded again. */
  async function sweeps(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      h.clock.advance(STRANDED_AFTER_MS + 60_000);
      await h.errand.scheduler.tick();
      await h.settle();
    }
  }
  const strand = (updateId: number, chatId: number, payload: object) =>
    sql(`insert into telegram_updates (update_id, chat_id, kind, payload, received_at) values ($1, $2, 'text', $3, $4)`, [
      updateId, chatId, JSON.stringify(payload), '2026-11-23T13:50:00Z',
    ]);

  it('are marked failed, not run, when what was stored is not an update (update_id 1.5, stored before the webhook checked)', async () => {
    // bigint rounded 1.5 to 2; finishing "update 1.5" matched no row, so /start was answered again on every sweep.
    await strand(2, MALLORY.id, textUpdate(1.5, '/start', MALLORY));
    const sentBefore = h.fake.sent().length;
    await sweeps(4);
    expect(h.fake.sent().slice(sentBefore)).to.deep.equal([]);
    expect(await sql(`select status, error from telegram_updates where update_id = 2`)).to.deep.equal([
      { status: 'failed', error: 'stored payload is not a valid update' },
    ]);
  });

  it('are replayed at most 3 times when they cannot be finished, then marked failed', async () => {
    await sql(`create function refuse_processed() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`);
    await sql(`create trigger refuse_processed before update on telegram_updates for each row when (new.status = 'processed') execute function refuse_processed()`);
    try {
      await strand(52, ADA.id, textUpdate(52, 'add milk'));
      const sentBefore = h.fake.sent().length;
      await sweeps(6);
      expect(h.fake.sent().slice(sentBefore).map((m) => String(m.payload.text))).to.satisfy((t: string[]) => t.length === 1 && /Added milk/.test(t[0]!));
      expect(await sql(`select status, replays, error from telegram_updates where update_id = 52`)).to.deep.equal([
        { status: 'failed', replays: 3, error: 'not finished after 3 replays' },
      ]);
      expect(await sql(`select name from grocery_items`)).to.deep.equal([{ name: 'milk' }]);
    } finally {
      await sql(`drop trigger refuse_processed on telegram_updates`);
      await sql(`drop function refuse_processed`);
    }
  });
});
