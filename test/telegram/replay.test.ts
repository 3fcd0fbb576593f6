import { expect } from 'chai';
import { resetDb } from '../support/db.js';
import { sql } from '../support/pipeline.js';
import { ADA, contactUpdate, startTelegramErrand, textUpdate, type TelegramHarness } from '../support/telegram.js';

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
});
