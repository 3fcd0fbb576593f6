import { expect } from 'chai';
import { categoryForDescription } from '../src/tools/expense/expense.categories.js';
import { categoryFor } from '../src/tools/grocery/grocery.categories.js';
import { foldCase } from '../src/understanding/fold.js';
import { keywords, matchesWords } from '../src/understanding/wording.js';
import { singularKey } from '../src/understanding/words.js';
import { resetDb } from './support/db.js';
import { dumpUser } from './support/dump.js';
import { consoleMessage, makePipeline } from './support/pipeline.js';

/** One name per script (and emoji alone): each must be an item of its own. */
const NAMES = ['牛奶', 'é', 'ü', 'حليب', 'خبز', 'молоко', 'γάλα', 'ψωμί', 'दूध', 'ミルク', 'นม', '🍎', '🍌'];

describe('names in every script', () => {
  beforeEach(resetDb);

  function conversation() {
    const handle = makePipeline();
    let minute = 0;
    return async (text: string) => (await handle(consoleMessage(text, { receivedAt: new Date(Date.UTC(2026, 10, 23, 14, minute++)) }))).reply ?? '';
  }
  const names = async () => (await dumpUser()).groceryItems.map((i) => i.name);

  it('keeps items of different scripts apart, each stored as written', async () => {
    const say = conversation();
    for (const name of NAMES) expect(await say(`add ${name}`), name).to.match(/^🛒 Added /);
    expect(await names()).to.deep.equal(NAMES);
  });

  it('merges the same name however it is cased or composed', async () => {
    const say = conversation();
    await say('add 2 молоко');
    expect(await say('add 3 МОЛОКО')).to.match(/now 5/);
    await say('add Straße');
    expect(await say('add STRASSE')).to.match(/already on the list/);
    await say('add ΟΔΟΣ');
    expect(await say('add οδοσ')).to.match(/already on the list/);
    await say('add café');
    expect(await say('add cafe\u0301')).to.match(/already on the list/);
    expect(await names()).to.deep.equal(['молоко', 'straße', 'οδος', 'café']);
  });

  it('checks off and removes items by their name in any script, emoji included', async () => {
    const say = conversation();
    await say('add 牛奶, حليب, γάλα, 🍎, 🍌 and milk');
    expect(await say('got the 牛奶')).to.match(/Checked off 牛奶/);
    expect(await say('remove حليب')).to.match(/Removed حليب/);
    expect(await say('got ΓΆΛΑ')).to.match(/Checked off γάλα/);
    expect(await say('remove 🍎')).to.match(/Removed 🍎/);
    expect(await say('got 🍌')).to.match(/Checked off 🍌/);
    expect((await dumpUser()).groceryItems.map((i) => [i.name, i.done])).to.deep.equal([['牛奶', true], ['γάλα', true], ['🍌', true], ['milk', false]]);
  });

  it('finds a reminder or an event by a word of a script written without spaces', async () => {
    const say = conversation();
    await say('remind me to 买牛奶 tomorrow at 9');
    await say('remind me to Straße fegen tomorrow at 10');
    expect(await say('cancel the 牛奶 reminder')).to.match(/Cancelled: 买牛奶/);
    expect(await say('cancel the strasse reminder')).to.match(/Cancelled: Straße fegen/);
    await say('项目会议 friday 2pm');
    expect(await say('delete 会议 from my calendar')).to.match(/Deleted from your calendar: 项目会议/);
  });

  it('finds a city however its accents and case are typed', async () => {
    const say = conversation();
    await say('my timezone is São Paulo');
    expect((await dumpUser()).user!.timezone).to.equal('America/Sao_Paulo');
    await say("I'm in ZÜRICH");
    expect((await dumpUser()).user!.timezone).to.equal('Europe/Zurich');
  });

  it('compares words case-folded after NFKC, keeping letters, marks and digits of every script', () => {
    expect(foldCase('STRASSE')).to.equal(foldCase('straße'));
    expect(foldCase('ΟΔΟΣ')).to.equal(foldCase('οδοσ'));
    expect(foldCase('ﬁsh')).to.equal('fish');
    expect(singularKey('दूध')).to.equal('दूध');
    expect(singularKey('é')).to.not.equal(singularKey('ü'));
    expect(singularKey('🍎')).to.not.equal(singularKey('🍌'));
    expect(keywords('Встреча с АННОЙ')).to.deep.equal(['встреча', 'с', 'анной']);
    expect(matchesWords('Café con Ana', keywords('CAFE\u0301'))).to.equal(true);
    // "barça" is no "bar": an accented letter is part of its word, not a gap in it; "Café" is a café.
    expect(categoryForDescription('barça scarf')).to.equal(null);
    expect(categoryForDescription('Café Central')).to.equal('food');
    expect(categoryFor('JALAPEÑOS')).to.equal(categoryFor('jalapenos')).and.not.equal('other');
  });
});
