import { expect } from 'chai';
import { resetDb } from '../support/db.js';
import { sql } from '../support/pipeline.js';
import { ADA, contactUpdate, startTelegramErrand, textUpdate, type TelegramHarness } from '../support/telegram.js';

type Message = Record<string, unknown> & { chat: Record<string, unknown> };
const withMessage = (update: object, patch: (m: Message) => Message) => {
  const u = update as { message: Message };
  return { ...u, message: patch(u.message) };
};
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

describe('telegram: hostile webhook bodies (with the right secret)', () => {
  let h: TelegramHarness;
  beforeEach(resetDb);
  beforeEach(async () => {
    h = await startTelegramErrand({ mode: 'webhook' });
  });
  afterEach(() => h.close());

  const answer = async (res: Response) => ({ status: res.status, body: (await res.json()) as { error: string; message: string } });

  it('answers 400 with a reason to what is not an update, and stores nothing', async () => {
    const hi = textUpdate(5, 'hi');
    const bodies: Record<string, string> = {
      'chat.id "abc"': JSON.stringify(withMessage(hi, (m) => ({ ...m, chat: { ...m.chat, id: 'abc' } }))),
      'chat.id 1e23': JSON.stringify(withMessage(hi, (m) => ({ ...m, chat: { ...m.chat, id: 1e23 } }))),
      'no update_id': JSON.stringify({ message: (hi as { message: unknown }).message }),
      'update_id "abc"': JSON.stringify({ ...hi, update_id: 'abc' }),
      'update_id 2^63-1': JSON.stringify(hi).replace('"update_id":5', '"update_id":9223372036854775807'),
      'update_id 2^64': JSON.stringify(hi).replace('"update_id":5', '"update_id":18446744073709551616'),
      'update_id 1.5': JSON.stringify({ ...hi, update_id: 1.5 }),
      'update_id -1': JSON.stringify({ ...hi, update_id: -1 }),
      'text as an object': JSON.stringify(withMessage(hi, (m) => ({ ...m, text: { a: 1 } }))),
      'contact user_id "x"': JSON.stringify(withMessage(contactUpdate(6, { phone_number: '1', user_id: ADA.id }), (m) => ({ ...m, contact: { ...(m.contact as object), user_id: 'x' } }))),
      '{}': '{}',
      '[1,2,3]': '[1,2,3]',
      'an array 5,000 deep': deep(5000),
      'an update with a field 5,000 deep': JSON.stringify(hi).replace('"text":"hi"', `"text":"hi","extra":${deep(5000)}`),
    };
    for (const [name, body] of Object.entries(bodies)) {
      const res = await answer(await h.postRaw(body));
      expect(res.status, name).to.equal(400);
      expect(res.body.message, name).to.be.a('string').and.not.equal('');
    }
    await h.settle();
    expect(await sql('select * from telegram_updates')).to.deep.equal([]);
    expect(h.fake.sent()).to.deep.equal([]);
  });

  it('answers 415 to a body that is not JSON', async () => {
    const res = await answer(await h.postRaw(JSON.stringify(textUpdate(7, 'hi')), 'text/plain'));
    expect(res.status).to.equal(415);
    expect(res.body.message).to.match(/application\/json/);
    expect(await sql('select * from telegram_updates')).to.deep.equal([]);
  });

  it('drops NULs and replaces lone surrogates anywhere in an update, and answers it', async () => {
    await h.post(contactUpdate(1, { phone_number: '15551230001', user_id: ADA.id }));
    await h.settle();
    const update = withMessage(textUpdate(8, 'add mi\u0000lk \ud800'), (m) => ({ ...m, chat: { ...m.chat, first_name: 'A\u0000da' }, 'odd\u0000key': 1 }));
    expect((await h.post(update)).status).to.equal(200);
    await h.settle();
    expect(h.fake.sent().at(-1)!.payload.text).to.match(/Added milk/);
    const [row] = await sql<{ payload: { message: Message } }>('select payload from telegram_updates where update_id = 8');
    expect(row!.payload.message.text).to.equal('add milk \ufffd');
    expect(row!.payload.message.chat.first_name).to.equal('Ada');
    expect(row!.payload.message).to.have.property('oddkey', 1);
  });

  it('acknowledges update kinds it does not handle with 200, and records them as ignored', async () => {
    const updates = [
      { update_id: 90, edited_message: (textUpdate(90, 'hi') as { message: object }).message },
      { update_id: 91, callback_query: { id: '1', from: ADA, chat_instance: '1', data: 'x', message: { message_id: 1, date: 0, chat: { id: 'abc' } } } },
      { update_id: 92, message_reaction: { chat: { id: 1e23, type: 'private' }, message_id: 1, date: 0, old_reaction: [], new_reaction: [] } },
      { update_id: 93 },
    ];
    for (const update of updates) expect((await h.post(update)).status, JSON.stringify(update).slice(0, 40)).to.equal(200);
    await h.settle();
    expect(await sql('select update_id::int as id, chat_id, kind, status from telegram_updates order by update_id')).to.deep.equal([
      { id: 90, chat_id: String(ADA.id), kind: 'edited_message', status: 'ignored' },
      { id: 91, chat_id: null, kind: 'callback_query', status: 'ignored' },
      { id: 92, chat_id: null, kind: 'message_reaction', status: 'ignored' },
      { id: 93, chat_id: null, kind: 'unknown', status: 'ignored' },
    ]);
    expect(h.fake.sent()).to.deep.equal([]);
  });
});
