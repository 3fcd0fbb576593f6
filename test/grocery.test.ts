import { expect } from 'chai';
import { resetDb } from './support/db.js';
import { dumpUser } from './support/dump.js';
import { consoleMessage, makePipeline, sql } from './support/pipeline.js';

const A = '+15551230001';
const B = '+15551230002';
const at = (iso: string) => ({ receivedAt: new Date(iso) });

describe('grocery list: multi-turn and isolation', () => {
  beforeEach(resetDb);

  async function listWithThreeItems() {
    const handle = makePipeline();
    await handle(consoleMessage('add milk, eggs and bread', at('2026-11-23T14:00:00Z')));
    return handle;
  }

  it('clears everything only after a yes, and forgets the question', async () => {
    const handle = await listWithThreeItems();
    const question = await handle(consoleMessage('clear the list', at('2026-11-23T14:01:00Z')));
    expect(question.reply).to.match(/Clear all 3 items.*YES or NO/);
    expect((await dumpUser()).groceryItems).to.have.length(3);
    const [state] = await sql<{ pending: { tool: string } | null }>('select pending from conversation_states');
    expect(state!.pending!.tool).to.equal('grocery.clear');

    const yes = await handle(consoleMessage('Yes!', at('2026-11-23T14:02:00Z')));
    expect(yes.reply).to.match(/Cleared your grocery list \(3 items\)/);
    expect((await dumpUser()).groceryItems).to.deep.equal([]);
    const [after] = await sql<{ pending: unknown }>('select pending from conversation_states');
    expect(after!.pending).to.equal(null);
    const tools = await sql<{ tool_name: string; tool_success: boolean }>("select tool_name, tool_success from conversation_messages where role = 'tool' order by id");
    expect(tools.map((t) => t.tool_name)).to.deep.equal(['grocery.add', 'grocery.clear', 'grocery.clear']);
    const [log] = await sql<{ tool_called: string }>('select tool_called from agent_logs order by id desc limit 1');
    expect(log!.tool_called).to.equal('grocery.clear');
  });

  for (const answer of ['no', 'nope', 'cancel', 'never mind', 'keep it']) {
    it(`keeps the list when the answer is "${answer}"`, async () => {
      const handle = await listWithThreeItems();
      await handle(consoleMessage('clear my grocery list', at('2026-11-23T14:01:00Z')));
      const reply = await handle(consoleMessage(answer, at('2026-11-23T14:02:00Z')));
      expect(reply.reply).to.match(/kept|dropped/i);
      expect((await dumpUser()).groceryItems).to.have.length(3);
      const [state] = await sql<{ pending: unknown }>('select pending from conversation_states');
      expect(state!.pending).to.equal(null);
    });
  }

  it('accepts a thumbs-up as yes', async () => {
    const handle = await listWithThreeItems();
    await handle(consoleMessage('empty the list', at('2026-11-23T14:01:00Z')));
    await handle(consoleMessage('👍', at('2026-11-23T14:02:00Z')));
    expect((await dumpUser()).groceryItems).to.deep.equal([]);
  });

  it('drops the question when the user moves on, so a later "yes" clears nothing', async () => {
    const handle = await listWithThreeItems();
    await handle(consoleMessage('clear the list', at('2026-11-23T14:01:00Z')));
    await handle(consoleMessage('add bananas', at('2026-11-23T14:02:00Z')));
    await handle(consoleMessage('yes', at('2026-11-23T14:03:00Z')));
    expect((await dumpUser()).groceryItems.map((i) => i.name)).to.deep.equal(['milk', 'eggs', 'bread', 'bananas']);
  });

  it('lets the question expire after 30 minutes', async () => {
    const handle = await listWithThreeItems();
    await handle(consoleMessage('clear the list', at('2026-11-23T14:01:00Z')));
    await handle(consoleMessage('yes', at('2026-11-23T14:32:00Z')));
    expect((await dumpUser()).groceryItems).to.have.length(3);
  });

  it('does not ask when the list is already empty', async () => {
    const reply = await makePipeline()(consoleMessage('clear the list'));
    expect(reply.reply).to.match(/already empty/);
    const [state] = await sql<{ pending: unknown }>('select pending from conversation_states');
    expect(state!.pending).to.equal(null);
  });

  it('keeps two users apart', async () => {
    const handle = makePipeline();
    await handle(consoleMessage('add milk', { phone: A }));
    await handle(consoleMessage('add eggs', { phone: B }));
    const bList = await handle(consoleMessage("what's on my list", { phone: B }));
    expect(bList.reply).to.match(/eggs/).and.not.match(/milk/);
    const bGot = await handle(consoleMessage('got milk', { phone: B }));
    expect(bGot.reply).to.match(/isn't on your list/);
    await handle(consoleMessage('remove milk', { phone: B }));
    await handle(consoleMessage('clear the list', { phone: B }));
    await handle(consoleMessage('yes', { phone: B }));
    expect((await dumpUser(A)).groceryItems).to.deep.equal([{ name: 'milk', quantity: null, unit: null, category: 'dairy', done: false }]);
    expect((await dumpUser(B)).groceryItems).to.deep.equal([]);
  });

  it('puts a checked-off item back on the list instead of adding a second row, and merges repeats within one message', async () => {
    const handle = makePipeline();
    await handle(consoleMessage('add milk and eggs', at('2026-11-23T14:00:00Z')));
    await handle(consoleMessage('got the milk', at('2026-11-23T14:01:00Z')));
    const again = await handle(consoleMessage('add 2 milk', at('2026-11-23T14:02:00Z')));
    expect(again.reply).to.equal('🛒 Milk (2) is back on the list. 2 items on your list.');
    await handle(consoleMessage('add 2 kiwis, 3 kiwis', at('2026-11-23T14:03:00Z')));
    expect((await dumpUser()).groceryItems).to.deep.equal([
      { name: 'milk', quantity: 2, unit: null, category: 'dairy', done: false },
      { name: 'eggs', quantity: null, unit: null, category: 'dairy', done: false },
      { name: 'kiwis', quantity: 5, unit: null, category: 'produce', done: false },
    ]);
    const adds = await sql<{ content: string }>("select content from conversation_messages where tool_name = 'grocery.add' order by id");
    const [first, reopened, kiwis] = adds.map((m) => JSON.parse(m.content).result.data.itemIds as number[]);
    expect(reopened).to.deep.equal([first![0]]);
    expect(kiwis).to.have.length(2).and.satisfy((ids: number[]) => ids[0] === ids[1] && !first!.includes(ids[0]!));
  });

  it('shows the list grouped by category with checked items last', async () => {
    const handle = makePipeline();
    await handle(consoleMessage('add apples x3, milk, 2 lbs chicken, paper towels and bread'));
    await handle(consoleMessage('got the bread'));
    const shown = await handle(consoleMessage('grocery list'));
    expect(shown.reply).to.equal(
      ['🛒 Your list (4):', 'Produce: apples (3)', 'Dairy: milk', 'Meat: chicken (2 lb)', 'Household: paper towels', '✓ Got: bread'].join('\n'),
    );
  });
});
