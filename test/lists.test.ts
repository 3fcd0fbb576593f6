import { expect } from 'chai';
import { resetDb } from './support/db.js';
import { dumpUser } from './support/dump.js';
import { consoleMessage, makePipeline, sql } from './support/pipeline.js';

const A = '+15551230001';
const B = '+15551230002';
let minute = 0;
/** Each message a minute after the last, so replies and pending questions stay in order and in time. */
const next = () => ({ receivedAt: new Date(Date.UTC(2026, 10, 23, 14, minute++)) });

type NamedList = { name: string; items: { name: string; quantity: number | null; unit: string | null; done: boolean }[] };
const lists = async (phone = A) => (await dumpUser(phone)).lists as NamedList[];
const groceries = async (phone = A) => (await dumpUser(phone)).groceryItems.map((i) => i.name);
const itemsOf = async (name: string) => (await lists()).find((l) => l.name === name)?.items.map((i) => i.name);

describe('named lists', () => {
  let send: (text: string, phone?: string) => Promise<string>;
  beforeEach(async () => {
    await resetDb();
    minute = 0;
    const handle = makePipeline();
    send = async (text, phone = A) => (await handle(consoleMessage(text, { ...next(), phone }))).reply ?? '';
  });

  describe('made on first use', () => {
    for (const [text, list, item] of [
      ['add call the plumber to my to-do list', 'to-do', 'call the plumber'],
      ['Add call the plumber to my To Do list', 'to-do', 'call the plumber'],
      ['put sunscreen on the packing list', 'packing', 'sunscreen'],
      ['add nails to my hardware store list', 'hardware store', 'nails'],
      ['add go to the bank to my to-do list', 'to-do', 'go to the bank'],
      ['packing list: passport', 'packing', 'passport'],
      ['add buy groceries to my to do list for today', 'to-do', 'buy groceries'],
      ['add to my to-do list renew passport', 'to-do', 'renew passport'],
    ] as const) {
      it(`"${text}" → ${item} on the ${list} list, nothing on groceries`, async () => {
        const reply = await send(text);
        expect(reply).to.include(item).and.to.include(`${list} list`);
        expect(await lists()).to.deep.equal([{ name: list, items: [{ name: item, quantity: null, unit: null, done: false }] }]);
        expect(await groceries()).to.deep.equal([]);
      });
    }

    it('keeps a to-do item whole and splits packing items', async () => {
      await send('add call mom and dad to my to-do list');
      await send('put sunscreen and towels on the packing list');
      expect(await itemsOf('to-do')).to.deep.equal(['call mom and dad']);
      expect(await itemsOf('packing')).to.deep.equal(['sunscreen', 'towels']);
    });

    it('adds to the same list under every spelling, merging what is already on it', async () => {
      await send('add call the plumber to my to-do list');
      await send('add pay rent to my todo list');
      const reply = await send('add call the plumber to my to do list');
      expect(reply).to.match(/already on the list/i);
      expect(await lists()).to.have.length(1);
      expect(await itemsOf('to-do')).to.deep.equal(['call the plumber', 'pay rent']);
    });

    it('still adds groceries to the grocery list, with their categories', async () => {
      await send('add milk to my shopping list');
      await send('put sunscreen on the packing list');
      expect((await dumpUser()).groceryItems).to.deep.equal([{ name: 'milk', quantity: null, unit: null, category: 'dairy', done: false }]);
    });
  });

  describe('reading', () => {
    beforeEach(async () => {
      await send('add call the plumber to my to-do list');
      await send('add pay rent to my to-do list');
      await send('put sunscreen on the packing list');
      await send('add milk and eggs');
    });

    for (const text of ["what's on my packing list", 'show my packing list', 'read me my packing list', 'packing list']) {
      it(`"${text}" shows the packing list only`, async () => {
        const reply = await send(text);
        expect(reply).to.include('packing list').and.to.include('sunscreen');
        expect(reply).not.to.include('plumber');
        expect(reply).not.to.include('milk');
      });
    }

    it('"show my to do list" shows the to-do items', async () => {
      const reply = await send('show my to do list');
      expect(reply).to.include('call the plumber').and.to.include('pay rent').and.not.to.include('sunscreen');
    });

    for (const text of ['what are my lists', 'read me my lists', 'what lists do I have', 'hey what are my lists', 'can you read me my lists']) {
      it(`"${text}" names every list with its count`, async () => {
        const reply = await send(text);
        expect(reply).to.match(/grocery list \(2 items\)/);
        expect(reply).to.match(/to-do list \(2 items\)/);
        expect(reply).to.match(/packing list \(1 item\)/);
      });
    }

    it('a list never made is not created by asking for it', async () => {
      const reply = await send("what's on my camping list");
      expect(reply).to.match(/don't have a camping list/);
      expect(await lists()).to.have.length(2);
    });

    for (const [text, answer] of [
      ['is sunscreen on my packing list', /^Yes/],
      ['is the plumber on my to-do list?', /^Yes/],
      ['is milk on my shopping list', /^Yes/],
      ['is bread on my shopping list', /^No/],
      ['do I need eggs', /^Yes/],
      ['do i need bread', /^No/],
      ['is sunscreen on my to-do list', /^No/],
    ] as const) {
      it(`"${text}" answers ${answer.source.slice(1)} and writes nothing`, async () => {
        const before = await dumpUser();
        expect(await send(text)).to.match(answer);
        expect(await dumpUser()).to.deep.equal(before);
      });
    }
  });

  describe('removing and checking off', () => {
    beforeEach(async () => {
      await send('add call the plumber to my to-do list');
      await send('add pay rent to my to-do list');
      await send('put sunscreen and towels on the packing list');
      await send('add milk, eggs and bread');
    });

    it('"remove pay rent from my to-do list" removes it there only', async () => {
      expect(await send('remove pay rent from my to-do list')).to.match(/Removed pay rent.*1 left on your to-do list/);
      expect(await itemsOf('to-do')).to.deep.equal(['call the plumber']);
      expect(await groceries()).to.deep.equal(['milk', 'eggs', 'bread']);
    });

    it('"cross off sunscreen on the packing list" checks it off', async () => {
      expect(await send('cross off sunscreen on the packing list')).to.match(/Checked off sunscreen/);
      const packing = (await lists()).find((l) => l.name === 'packing')!;
      expect(packing.items.map((i) => [i.name, i.done])).to.deep.equal([['sunscreen', true], ['towels', false]]);
    });

    it('"check off call the plumber from my to do list" checks the task off', async () => {
      await send('check off call the plumber from my to do list');
      expect((await lists()).find((l) => l.name === 'to-do')!.items.map((i) => i.done)).to.deep.equal([true, false]);
    });

    for (const [text, gone] of [
      ['cancel the milk from the shopping list', 'milk'],
      ['cross out bread from shopping list', 'bread'],
      ['drop eggs from the list', 'eggs'],
      ["i don't want eggs any more", 'eggs'],
      ["i don't want eggs", 'eggs'],
      ['find list and remove bread', 'bread'],
    ] as const) {
      it(`"${text}" takes ${gone} off the grocery list, named lists untouched`, async () => {
        await send(text);
        expect(await groceries()).to.not.include(gone);
        expect(await groceries()).to.have.length(2);
        expect(await itemsOf('to-do')).to.have.length(2);
      });
    }
  });

  describe('clearing and deleting ask first', () => {
    beforeEach(async () => {
      await send('put sunscreen and towels on the packing list');
      await send('add milk');
    });

    it('"clear my packing list" empties it after YES; the list stays', async () => {
      expect(await send('clear my packing list')).to.match(/Clear all 2 items from your packing list\? Reply YES or NO/);
      expect(await itemsOf('packing')).to.have.length(2);
      expect(await send('yes')).to.match(/Cleared your packing list \(2 items\)/);
      expect(await lists()).to.deep.equal([{ name: 'packing', items: [] }]);
      expect(await groceries()).to.deep.equal(['milk']);
    });

    it('"clear my packing list" then NO keeps it', async () => {
      await send('clear my packing list');
      expect(await send('no')).to.match(/kept your packing list/);
      expect(await itemsOf('packing')).to.have.length(2);
    });

    it('"delete my packing list" deletes the list and its items after YES', async () => {
      expect(await send('delete my packing list')).to.match(/Delete your packing list and its 2 items\? Reply YES or NO/);
      expect(await lists()).to.have.length(1);
      expect(await send('yes')).to.match(/Deleted your packing list/);
      expect(await lists()).to.deep.equal([]);
      expect(await sql('select id from grocery_items where list_id is not null')).to.deep.equal([]);
      expect(await groceries()).to.deep.equal(['milk']);
    });

    it('"I don\'t want this list any more" after showing a list asks to delete that one', async () => {
      await send("what's on my packing list");
      expect(await send("I don't want this list any more")).to.match(/Delete your packing list/);
      expect(await send('no')).to.match(/kept your packing list/);
      expect(await lists()).to.have.length(1);
    });
  });

  it('"I don\'t want this list any more" with no named list in view offers to empty the grocery list', async () => {
    await send('add milk and eggs');
    expect(await send("I don't want this list any more")).to.match(/Clear all 2 items from your grocery list\? Reply YES or NO/);
    expect(await groceries()).to.have.length(2);
  });

  it('"open my contact list" makes no list', async () => {
    expect(await send('please open my contact list')).to.match(/don't have a contact list/);
    expect(await lists()).to.deep.equal([]);
  });

  describe('creating an empty list', () => {
    for (const text of ['create a new list for packing', 'make a packing list']) {
      it(`"${text}" makes an empty packing list and says so`, async () => {
        expect(await send(text)).to.match(/packing list/);
        expect(await lists()).to.deep.equal([{ name: 'packing', items: [] }]);
      });
    }

    it('"create a new list" asks what to call it, and the answer names it', async () => {
      expect(await send('create a new list')).to.match(/What should I call the new list/);
      expect(await lists()).to.deep.equal([]);
      expect(await send('packing')).to.match(/Made your packing list/);
      expect(await lists()).to.deep.equal([{ name: 'packing', items: [] }]);
    });

    it('does not make a second one', async () => {
      await send('make a packing list');
      expect(await send('create a new list for packing')).to.match(/already have a packing list/);
      expect(await lists()).to.have.length(1);
    });

    it('"make a list of stocks to buy" makes nothing', async () => {
      await send('make a list of stocks to buy');
      expect(await lists()).to.deep.equal([]);
      expect(await groceries()).to.deep.equal([]);
    });
  });

  describe('correcting what was just added', () => {
    it('"actually make that 4 cans" changes the quantity and shows old and new', async () => {
      await send('add 2 beans');
      expect(await send('actually make that 4 cans')).to.equal('🛒 Beans: 2 → 4 cans');
      expect((await dumpUser()).groceryItems).to.deep.include({ name: 'beans', quantity: 4, unit: 'can', category: 'pantry', done: false });
    });

    it('"make it 2" keeps the unit', async () => {
      await send('add 3 bottles of wine');
      expect(await send('make it 2')).to.match(/Wine: 3 bottles → 2 bottles/);
      expect((await dumpUser()).groceryItems[0]).to.include({ quantity: 2, unit: 'bottle' });
    });

    it('"change that to 3 bottles" on a named list', async () => {
      await send('add water to my packing list');
      expect(await send('change that to 3 bottles')).to.match(/Water: no quantity → 3 bottles/);
      expect((await lists())[0]!.items[0]).to.include({ quantity: 3, unit: 'bottle' });
    });

    it('"make it 7 pm" is not a quantity', async () => {
      await send('add 2 beans');
      await send('make it 7 pm');
      expect((await dumpUser()).groceryItems[0]).to.include({ quantity: 2 });
    });

    it('is not a correction when nothing was just added', async () => {
      await send('add milk');
      await send("what's on my list");
      await send('make it 4');
      expect((await dumpUser()).groceryItems[0]).to.include({ quantity: null });
    });
  });

  it('keeps two users apart', async () => {
    await send('add call the plumber to my to-do list', A);
    await send('add pay rent to my to-do list', B);
    expect(await itemsOf('to-do')).to.deep.equal(['call the plumber']);
    expect((await lists(B))[0]!.items.map((i) => i.name)).to.deep.equal(['pay rent']);
    expect(await send('remove call the plumber from my to-do list', B)).to.match(/isn't on your to-do list/);
  });
});
