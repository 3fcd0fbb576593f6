import { expect } from 'chai';
import { HELP_REPLY, OPT_IN_REPLY, OPT_OUT_REPLY } from '../../src/channels/sms/sms.interceptors.js';
import { resetDb } from '../support/db.js';
import { sql } from '../support/pipeline.js';
import { PERSON, startSms, twimlMessages, type SmsHarness } from '../support/sms.js';

describe('sms: STOP, START, HELP and the consent log', () => {
  let sms: SmsHarness;
  beforeEach(async () => {
    await resetDb();
    sms = await startSms();
  });
  afterEach(() => sms.stop());

  const optedOut = async () => (await sql<{ opted_out: boolean }>('select opted_out from users where phone_number = $1', [PERSON]))[0]?.opted_out;

  it('opts out on STOP, stays silent while opted out, and opts back in on START', async () => {
    expect(twimlMessages((await sms.inbound(' stop ')).body)).to.deep.equal([OPT_OUT_REPLY]);
    expect(await optedOut()).to.equal(true);

    const ignored = await sms.inbound('remind me to call mum at 6pm');
    expect(ignored.status).to.equal(200);
    expect(twimlMessages(ignored.body)).to.deep.equal([]);
    expect(await sql(`select content from conversation_messages where role = 'user'`)).to.have.length(2);

    expect(twimlMessages((await sms.inbound('Start')).body)).to.deep.equal([OPT_IN_REPLY]);
    expect(await optedOut()).to.equal(false);
    expect(twimlMessages((await sms.inbound('help')).body)).to.deep.equal([HELP_REPLY]);

    const log = await sql<{ action: string; keyword: string; channel: string; source: string; message_id: string | null }>(
      'select action, keyword, channel, source, message_id from consent_log order by id',
    );
    expect(log.map(({ action, keyword, channel, source }) => ({ action, keyword, channel, source }))).to.deep.equal([
      { action: 'opt_out', keyword: 'STOP', channel: 'sms', source: 'keyword' },
      { action: 'opt_in', keyword: 'START', channel: 'sms', source: 'keyword' },
    ]);
    expect(log.every((l) => l.message_id)).to.equal(true);
  });

  it('treats every opt-out word as STOP, but not a sentence containing one', async () => {
    for (const word of ['STOPALL', 'unsubscribe', 'Cancel', 'END', 'quit.']) {
      await sms.inbound(word);
      expect(await optedOut(), word).to.equal(true);
      await sms.inbound('unstop');
      expect(await optedOut()).to.equal(false);
    }
    await sms.inbound('please stop reminding me about the dentist');
    expect(await optedOut()).to.equal(false);
    expect(await sql('select id from consent_log')).to.have.length(10);
  });

  it("records Twilio's own opt-out handling (OptOutType) without a second confirmation", async () => {
    const res = await sms.inbound('ARRET', { OptOutType: 'STOP' });
    expect(twimlMessages(res.body)).to.deep.equal([]);
    expect(await optedOut()).to.equal(true);
    expect(twimlMessages((await sms.inbound('HELP', { OptOutType: 'HELP' })).body)).to.deep.equal([]);
    const log = await sql('select action, keyword, source from consent_log');
    expect(log).to.deep.equal([{ action: 'opt_out', keyword: 'ARRET', source: 'provider_opt_out' }]);
  });
});
