import { expect } from 'chai';
import { resetDb } from './support/db.js';
import { dumpUser, seedUser } from './support/dump.js';
import { consoleMessage, makePipeline } from './support/pipeline.js';

const at = (iso: string) => ({ receivedAt: new Date(iso) });

describe('expenses: time zones, currencies and isolation', () => {
  beforeEach(resetDb);

  it('puts the month boundary at local midnight (Los Angeles, Nov 30 → Dec 1)', async () => {
    await seedUser({ timezone: 'America/Los_Angeles' });
    const handle = makePipeline();
    await handle(consoleMessage('spent 10 on lunch', at('2026-12-01T07:30:00Z'))); // Nov 30, 11:30 PM local
    await handle(consoleMessage('spent 20 on dinner', at('2026-12-01T08:30:00Z'))); // Dec 1, 12:30 AM local
    const now = at('2026-12-01T20:00:00Z');
    expect((await handle(consoleMessage('how much did i spend this month', now))).reply).to.match(/December\):\n\$20\.00 in 1 expense/);
    expect((await handle(consoleMessage('spending last month', now))).reply).to.match(/November\):\n\$10\.00 in 1 expense/);
    expect((await handle(consoleMessage('expenses today', now))).reply).to.match(/Today \(Tue Dec 1\):\n\$20\.00/);
  });

  it('starts the week on Monday in the user zone across the DST change (New York, 2027-03-14)', async () => {
    await seedUser({ timezone: 'America/New_York' });
    const handle = makePipeline();
    await handle(consoleMessage('uber 7.25', at('2027-03-15T03:30:00Z'))); // Sun Mar 14, 11:30 PM EDT
    await handle(consoleMessage('uber 8.75', at('2027-03-15T04:30:00Z'))); // Mon Mar 15, 12:30 AM EDT
    const now = at('2027-03-15T16:00:00Z');
    expect((await handle(consoleMessage('how much this week', now))).reply).to.match(/This week \(Mar 15–21\):\n\$8\.75 in 1 expense/);
    expect((await handle(consoleMessage('what did i spend last week', now))).reply).to.match(/Last week \(Mar 8–14\):\n\$7\.25 in 1 expense/);
  });

  it('resolves "yesterday" on the wall clock across the fall-back change (New York, 2026-11-01)', async () => {
    await seedUser({ timezone: 'America/New_York' });
    await makePipeline()(consoleMessage('spent 5 on coffee yesterday', at('2026-11-02T03:30:00Z'))); // Sun Nov 1, 10:30 PM EST
    expect((await dumpUser()).expenses[0]!.spentAt).to.equal('2026-11-01T02:30:00.000Z'); // Sat Oct 31, 10:30 PM EDT
  });

  it('handles a leap day month end in Tokyo', async () => {
    await seedUser({ timezone: 'Asia/Tokyo' });
    const handle = makePipeline();
    await handle(consoleMessage('ramen 1200 yen', at('2028-02-29T14:30:00Z'))); // Feb 29, 11:30 PM JST
    await handle(consoleMessage('sushi ¥3000', at('2028-02-29T15:30:00Z'))); // Mar 1, 12:30 AM JST
    const now = at('2028-03-01T03:00:00Z');
    expect((await handle(consoleMessage('spending this month', now))).reply).to.match(/March\):\n¥3,000\.00 in 1 expense/);
    expect((await handle(consoleMessage('spending last month', now))).reply).to.match(/February\):\n¥1,200\.00 in 1 expense/);
  });

  it('never adds different currencies together', async () => {
    const handle = makePipeline();
    await handle(consoleMessage('spent 12.50 on lunch'));
    await handle(consoleMessage('€15 museum'));
    await handle(consoleMessage('£8.20 sandwich'));
    const reply = (await handle(consoleMessage('how much did i spend today'))).reply!;
    expect(reply).to.match(/\$12\.50 in 1 expense/).and.match(/€15\.00 in 1 expense/).and.match(/£8\.20 in 1 expense/);
    expect(reply).not.to.match(/35\.70|27\.50/);
    expect(reply.indexOf('$12.50')).to.be.lessThan(reply.indexOf('€15.00'));
  });

  it('sums exactly, with no float drift', async () => {
    const handle = makePipeline();
    for (const text of ['coffee 0.10', 'coffee 0.20', 'coffee 0.10', 'coffee 0.20', 'coffee 0.10', 'coffee 0.20']) await handle(consoleMessage(text));
    expect((await handle(consoleMessage('expenses today'))).reply).to.match(/\$0\.90 in 6 expenses/);
  });

  it('keeps two users apart: summaries, lists and undo see only their own rows', async () => {
    const handle = makePipeline();
    const A = { phone: '+15551230001' };
    const B = { phone: '+15551230002' };
    await handle(consoleMessage('spent 99 on shoes', A));
    await handle(consoleMessage('coffee 3', B));
    expect((await handle(consoleMessage('how much did i spend today', B))).reply).to.match(/\$3\.00 in 1 expense/).and.not.match(/99/);
    expect((await handle(consoleMessage('last 5 expenses', B))).reply).not.to.match(/shoes/);
    await handle(consoleMessage('undo', B));
    expect((await handle(consoleMessage('undo', B))).reply).to.match(/no expenses/);
    expect((await dumpUser(A.phone)).expenses).to.have.length(1);
    expect((await dumpUser(B.phone)).expenses).to.deep.equal([]);
  });

  it('undo removes the most recently logged expense, even one dated yesterday', async () => {
    const handle = makePipeline();
    await handle(consoleMessage('spent 10 on lunch'));
    await handle(consoleMessage('spent 4 on coffee yesterday'));
    const reply = await handle(consoleMessage('undo'));
    expect(reply.reply).to.match(/Deleted \$4\.00 coffee/);
    expect((await dumpUser()).expenses.map((e) => e.description)).to.deep.equal(['lunch']);
  });

  it('undo keeps its promise after other messages: it deletes the last expense logged and says which', async () => {
    const handle = makePipeline();
    await handle(consoleMessage('spent 10 on lunch'));
    await handle(consoleMessage("what's on my list"));
    await handle(consoleMessage('how much did i spend today'));
    await handle(consoleMessage('this week'));
    const reply = await handle(consoleMessage('undo'));
    expect(reply.reply).to.equal('🗑️ Deleted $10.00 lunch (food) from Mon Nov 23.');
    expect((await dumpUser()).expenses).to.deep.equal([]);
  });

  it('undo right after a change elsewhere says how to take that back, drops an open question, then deletes the last expense', async () => {
    const handle = makePipeline();
    await handle(consoleMessage('coffee 3'));
    await handle(consoleMessage('add milk'));
    expect((await handle(consoleMessage('undo'))).reply).to.match(/"remove eggs"[\s\S]*"delete last expense"/);
    await handle(consoleMessage('remind me to call mom at 5pm'));
    expect((await handle(consoleMessage('undo'))).reply).to.match(/"cancel 1"[\s\S]*"delete last expense"/);
    await handle(consoleMessage('remind me to call the bank'));
    expect((await handle(consoleMessage('undo'))).reply).to.match(/^OK, dropped that\./);
    expect((await handle(consoleMessage('undo'))).reply).to.match(/^🗑️ Deleted \$3\.00 coffee/);
    expect((await dumpUser()).expenses).to.deep.equal([]);
  });

  it('dumps amounts with two decimals and instants in UTC', async () => {
    await makePipeline()(consoleMessage('paid rent 1,200', at('2026-11-23T14:00:00Z')));
    expect((await dumpUser()).expenses).to.deep.equal([
      { amount: '1200.00', currency: 'USD', category: 'housing', description: 'rent', spentAt: '2026-11-23T14:00:00.000Z' },
    ]);
  });

  it('reads a decimal comma as a decimal: "€0,001" is below a cent and asked again, never logged as €1.00', async () => {
    const handle = makePipeline();
    const { reply } = await handle(consoleMessage('spent €0,001 on coffee'));
    expect(reply).to.match(/at most 2 decimals/);
    await handle(consoleMessage('spent €12,5 on lunch'));
    await handle(consoleMessage('paid rent 10,000,000'));
    expect((await dumpUser()).expenses.map((e) => `${e.currency} ${e.amount}`)).to.deep.equal(['EUR 12.50', 'USD 10000000.00']);
  });
});
