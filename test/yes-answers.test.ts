import { expect } from 'chai';
import { OPT_IN_REPLY } from '../src/channels/sms/sms.interceptors.js';
import { resetDb } from './support/db.js';
import { dumpUser } from './support/dump.js';
import { consoleMessage, makePipeline, sql } from './support/pipeline.js';
import { PERSON, startSms, twimlMessages, type SmsHarness } from './support/sms.js';
import { ADA, contactUpdate, startTelegramErrand, textUpdate, type TelegramHarness } from './support/telegram.js';

const CLEARED = /Cleared your grocery list \(2 items\)/;
const consentRows = () => sql('select action, keyword, source from consent_log order by id');
const optedOut = async () => (await sql<{ opted_out: boolean }>('select opted_out from users where phone_number = $1', [PERSON]))[0]?.opted_out;

describe('a YES that answers "Clear all … Reply YES or NO."', () => {
  beforeEach(resetDb);

  describe('over SMS', () => {
    let sms: SmsHarness;
    // A generous inline window: the replies are read from the webhook's TwiML.
    beforeEach(async () => (sms = await startSms({ env: { SMS_INLINE_REPLY_MS: '10000' } })));
    afterEach(() => sms.stop());

    const say = async (text: string, overrides: Record<string, string> = {}) => twimlMessages((await sms.inbound(text, overrides)).body);

    it('clears the list, and is not an opt-in for a number that never opted out', async () => {
      await say('add milk and eggs');
      expect((await say('clear the list'))[0]).to.match(/Reply YES or NO/);
      const answer = await say('YES');
      expect(answer.join('\n')).to.match(CLEARED);
      expect(answer).to.not.include(OPT_IN_REPLY);
      expect((await dumpUser()).groceryItems).to.deep.equal([]);
      expect(await consentRows()).to.deep.equal([]);
    });

    it("answers the question even when Twilio's own opt-out handling called the YES an opt-in", async () => {
      await say('add milk and eggs');
      await say('clear the list');
      expect((await say('yes', { OptOutType: 'START' })).join('\n')).to.match(CLEARED);
      expect((await dumpUser()).groceryItems).to.deep.equal([]);
      expect(await consentRows()).to.deep.equal([]);
    });

    it('still opts an opted-out number back in on YES', async () => {
      await say('STOP');
      expect(await say('Yes!')).to.deep.equal([OPT_IN_REPLY]);
      expect(await optedOut()).to.equal(false);
      expect(await consentRows()).to.deep.equal([
        { action: 'opt_out', keyword: 'STOP', source: 'keyword' },
        { action: 'opt_in', keyword: 'YES', source: 'keyword' },
      ]);
    });

    it('keeps START an opt-in keyword for everyone', async () => {
      expect(await say('START')).to.deep.equal([OPT_IN_REPLY]);
      expect(await consentRows()).to.deep.equal([{ action: 'opt_in', keyword: 'START', source: 'keyword' }]);
    });
  });

  describe('over Telegram', () => {
    let h: TelegramHarness;
    beforeEach(async () => (h = await startTelegramErrand({ mode: 'webhook' })));
    afterEach(() => h.close());

    it('clears the list', async () => {
      await h.post(contactUpdate(1, { phone_number: '15551230001', user_id: ADA.id }));
      for (const [id, text] of [[2, 'add milk and eggs'], [3, 'clear the list'], [4, 'YES']] as const) {
        await h.post(textUpdate(id, text));
        await h.settle();
      }
      const texts = h.fake.sent().map((c) => c.payload.text as string);
      expect(texts.at(-2)).to.match(/Reply YES or NO/);
      expect(texts.at(-1)).to.match(CLEARED);
      expect((await dumpUser()).groceryItems).to.deep.equal([]);
      expect(await consentRows()).to.deep.equal([]);
    });
  });

  describe('on the console (CLI and local chat)', () => {
    it('clears the list', async () => {
      const handle = makePipeline();
      const at = (minute: number) => ({ receivedAt: new Date(`2026-11-23T14:0${minute}:00Z`) });
      await handle(consoleMessage('add milk and eggs', at(0)));
      expect((await handle(consoleMessage('clear the list', at(1)))).reply).to.match(/Reply YES or NO/);
      expect((await handle(consoleMessage('YES', at(2)))).reply).to.match(CLEARED);
      expect((await dumpUser()).groceryItems).to.deep.equal([]);
      expect(await consentRows()).to.deep.equal([]);
    });
  });
});
