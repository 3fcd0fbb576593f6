import { expect } from 'chai';
import { resetDb } from '../support/db.js';
import { consoleMessage, makePipeline, sql } from '../support/pipeline.js';
import { ADA, contactUpdate, MALLORY, startTelegramErrand, textUpdate, type TelegramHarness } from '../support/telegram.js';
import { channelTestModule } from './modules.js';

describe('telegram: identity by phone number', () => {
  let h: TelegramHarness;
  beforeEach(resetDb);
  beforeEach(async () => {
    h = await startTelegramErrand({ mode: 'webhook', modules: [channelTestModule()] });
  });
  afterEach(async () => h.close());

  const lastReply = () => h.fake.sent().at(-1)!.payload;

  it('answers /start from an unlinked chat with a request_contact keyboard and does nothing else', async () => {
    await h.post(textUpdate(1, '/start'));
    await h.settle();
    const reply = lastReply();
    expect(reply.text).to.match(/phone number/);
    expect(reply.reply_markup.keyboard).to.deep.equal([[{ text: '📱 Share my phone number', request_contact: true }]]);
    expect(reply.reply_markup).to.include({ resize_keyboard: true, one_time_keyboard: true });
    expect(await sql('select * from users')).to.deep.equal([]);
    expect(await sql('select * from conversation_messages')).to.deep.equal([]);
  });

  it('asks for the number on any first message, without running it', async () => {
    await h.post(textUpdate(1, 'whoami'));
    await h.settle();
    expect(lastReply().text).to.match(/Share my phone number/);
    expect(lastReply().text).to.not.match(/You are user/);
    expect(await sql('select * from user_channels')).to.deep.equal([]);
  });

  it('links the chat when the sender shares their own contact, normalised to E.164', async () => {
    await h.post(contactUpdate(1, { phone_number: '15551230001', user_id: ADA.id }));
    await h.settle();
    expect(lastReply().text).to.match(/linked to \+1555\*\*\*0001/);
    expect(lastReply().reply_markup).to.deep.equal({ remove_keyboard: true });
    expect(await sql('select phone_number from users')).to.deep.equal([{ phone_number: '+15551230001' }]);
    expect(await sql('select channel, external_id, active from user_channels')).to.deep.equal([
      { channel: 'telegram', external_id: String(ADA.id), active: true },
    ]);
    await h.post(textUpdate(2, 'whoami'));
    await h.settle();
    expect(lastReply().text).to.equal('You are user 1 (+15551230001)');
  });

  it('refuses a forwarded or typed contact that is not the sender’s own', async () => {
    await h.post(contactUpdate(1, { phone_number: '+15551239999', user_id: MALLORY.id }));
    await h.post(contactUpdate(2, { phone_number: '+15551239999' }));
    await h.settle();
    const replies = h.fake.sent().map((c) => c.payload);
    expect(replies).to.have.length(2);
    for (const r of replies) {
      expect(r.text).to.match(/isn't your own number/);
      expect(r.reply_markup.keyboard[0][0].request_contact).to.equal(true);
    }
    expect(await sql('select * from users')).to.deep.equal([]);
    expect(await sql('select * from user_channels')).to.deep.equal([]);
  });

  it('refuses the sender’s own contact when it was forwarded, or when the chat is not the sender’s own', async () => {
    const own = contactUpdate(1, { phone_number: '15551230001', user_id: ADA.id }) as { message: Record<string, unknown> };
    const forwarded = { update_id: 1, message: { ...own.message, forward_origin: { type: 'user', date: 1795442000, sender_user: ADA } } };
    const otherChat = { update_id: 2, message: { ...own.message, message_id: 2, chat: { id: MALLORY.id, first_name: 'Mallory', type: 'private' } } };
    await h.post(forwarded);
    await h.post(otherChat);
    await h.settle();
    const replies = h.fake.sent().map((c) => c.payload);
    expect(replies.map((r) => r.chat_id)).to.deep.equal([String(ADA.id), String(MALLORY.id)]);
    for (const r of replies) expect(r.text).to.match(/isn't your own number/);
    expect(await sql('select * from users')).to.deep.equal([]);
    expect(await sql('select * from user_channels')).to.deep.equal([]);
  });

  it('is the same user row as the SMS or console self with the same number', async () => {
    const viaConsole = await makePipeline({ modules: [channelTestModule()] })(consoleMessage('whoami', { phone: '+15551230001' }));
    expect(viaConsole.reply).to.equal('You are user 1 (+15551230001)');

    await h.post(contactUpdate(1, { phone_number: '+1 555 123 0001', user_id: ADA.id }));
    await h.post(textUpdate(2, 'whoami'));
    await h.settle();
    expect(lastReply().text).to.equal(viaConsole.reply);
    expect(await sql('select id from users')).to.deep.equal([{ id: 1 }]);
    expect(await sql('select user_id, channel from user_channels order by channel')).to.deep.equal([
      { user_id: 1, channel: 'console' },
      { user_id: 1, channel: 'telegram' },
    ]);
    expect(await sql(`select distinct user_id, channel from conversation_messages where role = 'user' order by channel`)).to.deep.equal([
      { user_id: 1, channel: 'console' },
      { user_id: 1, channel: 'telegram' },
    ]);
  });

  it('unlinks with /unlink and relinks with a new contact', async () => {
    await h.post(contactUpdate(1, { phone_number: '15551230001', user_id: ADA.id }));
    await h.post(textUpdate(2, '/unlink'));
    await h.settle();
    expect(lastReply().text).to.match(/no longer linked/);
    expect(await sql('select * from user_channels')).to.deep.equal([]);

    await h.post(textUpdate(3, 'whoami'));
    await h.settle();
    expect(lastReply().text).to.match(/Share my phone number/);

    await h.post(contactUpdate(4, { phone_number: '15551230002', user_id: ADA.id }));
    await h.post(textUpdate(5, 'whoami'));
    await h.settle();
    expect(lastReply().text).to.equal('You are user 2 (+15551230002)');
    expect(await sql('select user_id, external_id from user_channels')).to.deep.equal([{ user_id: 2, external_id: String(ADA.id) }]);
  });
});
