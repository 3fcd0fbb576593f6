import { expect } from 'chai';
import { resetDb } from '../support/db.js';
import { sql } from '../support/pipeline.js';
import { nextMessageSid, startSms, twimlMessages, type SmsHarness } from '../support/sms.js';

describe('sms: duplicate storm', () => {
  let sms: SmsHarness;
  beforeEach(async () => {
    await resetDb();
    sms = await startSms();
  });
  afterEach(() => sms.stop());

  it('writes one set of rows when every webhook arrives three times at once', async () => {
    const texts = ['spent 12.50 on lunch', 'add milk, eggs and bread', 'help', 'hi'];
    const answers = await Promise.all(
      texts.map(async (text, i) => {
        const overrides = { MessageSid: nextMessageSid(), From: `+1555123010${i}` };
        return Promise.all([1, 2, 3].map(() => sms.inbound(text, overrides)));
      }),
    );
    for (const copies of answers) {
      expect(copies.map((a) => a.status)).to.deep.equal([200, 200, 200]);
      // The first copy answers; a copy that arrives while it runs is told nothing yet, later ones get the same reply.
      const replies = copies.flatMap((a) => twimlMessages(a.body));
      expect(new Set(replies).size).to.equal(1);
    }
    const count = async (query: string) => Number((await sql<{ n: string }>(query))[0]!.n);
    expect(await count(`select count(*) as n from conversation_messages where role = 'user'`)).to.equal(4);
    expect(await count(`select count(*) as n from conversation_messages where role = 'assistant'`)).to.equal(4);
    expect(await count(`select count(*) as n from agent_logs`)).to.equal(4);
    expect(await count(`select count(*) as n from users`)).to.equal(4);
    expect(await count(`select count(*) as n from expenses`)).to.equal(1);
    expect(await count(`select count(*) as n from grocery_items`)).to.equal(3);
  });
});
