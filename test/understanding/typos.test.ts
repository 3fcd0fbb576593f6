import { expect } from 'chai';
import fs from 'node:fs';
import { resetDb } from '../support/db.js';
import { dumpUser } from '../support/dump.js';
import { consoleMessage, makePipeline } from '../support/pipeline.js';
import { normalizeText } from '../../src/understanding/normalize.js';
import { correctTypo } from '../../src/understanding/typos.js';
import { REAL_WORDS_FILE, realWordsFile } from '../../scripts/typo-words.js';

describe('typos in the words the rules key on', () => {
  it('mends one slip: a swap, a dropped, changed or added letter', () => {
    const slips = { remnid: 'remind', remidn: 'remind', grocry: 'grocery', alrm: 'alarm', calender: 'calendar', shoppping: 'shopping',
      wendesday: 'wednesday', meetign: 'meeting', apointment: 'appointment', cancle: 'cancel', tonihgt: 'tonight' };
    for (const [slip, meant] of Object.entries(slips)) expect(correctTypo(slip), slip).to.equal(meant);
  });

  it('leaves real words, names and slips two domain words share as written', () => {
    for (const word of ['chopping', 'shipping', 'melting', 'cancer', 'remote', 'expanse', 'even', 'lisa', 'remainder', 'sara', 'remindr']) {
      expect(correctTypo(word), word).to.equal(word);
    }
    expect(normalizeText('chopping onions for the shipping party')).to.equal('chopping onions for the shipping party');
  });

  it('the list of real words is what the dictionary gives (npm run train:typos)', async () => {
    expect(fs.readFileSync(REAL_WORDS_FILE, 'utf8')).to.equal(await realWordsFile());
  });

  describe('through the pipeline', () => {
    beforeEach(resetDb);
    const at = (minute: number) => ({ phone, receivedAt: new Date(Date.UTC(2026, 10, 30, 15, minute)) });
    const phone = '+15551230001';

    it('"remnid me to call mom at 5pm" sets a reminder at 5 pm, not an event', async () => {
      const { reply } = await makePipeline()(consoleMessage('remnid me to call mom at 5pm', at(0)));
      expect(reply).to.match(/call mom/i);
      const dump = await dumpUser(phone);
      expect(dump.reminders).to.have.length(1);
      expect(dump.events).to.have.length(0);
      expect(dump.reminders[0]!.dueAt).to.equal('2026-11-30T17:00:00.000Z');
    });

    it('"set an alrm for 6:30am" sets an alarm; "add eggs to my grocry list" adds eggs', async () => {
      const handle = makePipeline();
      await handle(consoleMessage('set an alrm for 6:30am tomorrow', at(0)));
      await handle(consoleMessage('add eggs to my grocry list', at(1)));
      const dump = await dumpUser(phone);
      expect(dump.reminders.map((r) => r.dueAt)).to.deep.equal(['2026-12-01T06:30:00.000Z']);
      expect(dump.groceryItems.map((i) => i.name)).to.deep.equal(['eggs']);
    });
  });
});
