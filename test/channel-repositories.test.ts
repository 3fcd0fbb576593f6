import { expect } from 'chai';
import { ConsentLog } from '../src/channels/sms/consent-log.entity.js';
import { TelegramUpdate } from '../src/channels/telegram/telegram-update.entity.js';
import { addressOf, channelIds, fallbackChannelIds, isLocalChannel } from '../src/channels/index.js';
import { recipientFor } from '../src/channels/recipients.js';
import { OutboundMessage, UserChannel } from '../src/entities/index.js';
import { resetDb, testDb } from './support/db.js';
import { sql } from './support/pipeline.js';

const em = () => testDb().orm.em.fork();
const AT = new Date('2026-11-23T14:00:00Z');
const LATER = new Date('2026-11-23T15:00:00Z');

async function user(phone = '+15551230001'): Promise<number> {
  const [row] = await sql<{ id: number }>(`insert into users (phone_number) values ($1) returning id`, [phone]);
  return row!.id;
}

describe('the channel registry', () => {
  it('lists every channel once, and says how each is reached', () => {
    expect(channelIds()).to.deep.equal(['sms', 'telegram', 'console']);
    expect(fallbackChannelIds()).to.deep.equal(['sms']);
    expect(channelIds().map(addressOf)).to.deep.equal(['phone', 'external', 'phone']);
    expect(channelIds().filter(isLocalChannel)).to.deep.equal(['console']);
  });

  it('is where the channel columns take their checks from', async () => {
    const checks = await sql<{ definition: string }>(
      `select pg_get_constraintdef(oid) as definition from pg_constraint where conname = 'user_channels_channel_check'`,
    );
    for (const id of channelIds()) expect(checks[0]!.definition).to.include(`'${id}'`);
  });
});

describe('channel repositories', () => {
  beforeEach(resetDb);

  it('telegram updates: stored once, claimed when stranded, given up after the replays', async () => {
    const updates = em().getRepository(TelegramUpdate);
    const row = { updateId: 7, chatId: 42, kind: 'text', payload: { update_id: 7, text: 'hé \u{1F600}' }, receivedAt: AT };
    expect(await updates.store(row)).to.equal(true);
    expect(await updates.store({ ...row, payload: {} })).to.equal(false);
    expect(await updates.store({ ...row, updateId: 8, chatId: null })).to.equal(true);
    await updates.finish(8, 'ignored', AT);
    const sweep = { before: LATER, now: LATER, maxReplays: 2 };
    expect(await updates.claimStranded(sweep, 10)).to.deep.equal([{ updateId: 7, payload: row.payload }]);
    // Claiming moved received_at to `now`: not stranded before it.
    expect(await updates.claimStranded(sweep, 10)).to.deep.equal([]);
    const later = { before: new Date(LATER.getTime() + 1), now: new Date(LATER.getTime() + 1), maxReplays: 2 };
    expect(await updates.claimStranded(later, 10)).to.have.length(1);
    expect(await updates.giveUpStranded({ ...later, before: new Date(LATER.getTime() + 2) })).to.deep.equal([7]);
    expect(await sql(`select update_id::int as id, status, replays, error from telegram_updates order by update_id`)).to.deep.equal([
      { id: 7, status: 'failed', replays: 2, error: 'not finished after 2 replays' },
      { id: 8, status: 'ignored', replays: 0, error: null },
    ]);
  });

  it('user channels: link, find, deactivate, unlink, latest address', async () => {
    const ada = await user();
    const links = em().getRepository(UserChannel);
    expect(await links.findLink('telegram', '42')).to.equal(null);
    await links.link(ada, 'telegram', '42', AT);
    await links.link(ada, 'telegram', '43', LATER);
    expect(await links.findLink('telegram', '42')).to.deep.equal({ userId: ada, phone: '+15551230001' });
    expect(await links.latestExternalId(ada, 'telegram')).to.equal('43');
    expect(await recipientFor(em(), 'telegram', { id: ada, phone: '+15551230001' })).to.equal('43');
    expect(await recipientFor(em(), 'sms', { id: ada, phone: '+15551230001' })).to.equal('+15551230001');
    await links.deactivate('telegram', '43', ada);
    expect(await sql(`select external_id, active from user_channels order by external_id`)).to.deep.equal([
      { external_id: '42', active: true },
      { external_id: '43', active: false },
    ]);
    expect(await links.unlink('telegram', '43')).to.equal(true);
    expect(await links.unlink('telegram', '43')).to.equal(false);
  });

  it('consent: a keyword is always logged, a provider error only when it changes something', async () => {
    const ada = await user();
    const consent = em().getRepository(ConsentLog);
    expect(await consent.consentOf('+15551230001')).to.deep.equal({ id: ada, optedOut: false });
    expect(await consent.consentOf('+15559999999')).to.equal(null);
    const change = { userId: ada, channel: 'sms' as const, action: 'opt_out' as const, keyword: null, at: AT };
    await consent.record({ ...change, source: 'provider_error' });
    await consent.record({ ...change, source: 'provider_error' });
    await consent.record({ ...change, keyword: 'STOP', source: 'keyword' });
    expect(await consent.consentOf('+15551230001')).to.deep.equal({ id: ada, optedOut: true });
    expect(await sql(`select action, keyword, source, message_id from consent_log order by id`)).to.deep.equal([
      { action: 'opt_out', keyword: null, source: 'provider_error', message_id: null },
      { action: 'opt_out', keyword: 'STOP', source: 'keyword', message_id: null },
    ]);
  });

  it('outbound messages: owed replies and delivery reports', async () => {
    const ada = await user();
    await sql(
      `insert into outbound_messages (user_id, body, kind, source_type, source_id, status, provider_message_id, last_error)
       values ($1, 'hi', 'reply', 'reply', '5', 'sent', 'SM1', 'earlier'), ($2, 'yo', 'reply', 'reply', '6', 'queued', null, null)`,
      [ada, ada],
    );
    const outbox = em().getRepository(OutboundMessage);
    expect(await outbox.hasReply('5')).to.equal(true);
    expect(await outbox.hasReply('7')).to.equal(false);
    expect(await outbox.queuedReplyId('5')).to.equal(null);
    const [queued] = await sql<{ id: string }>(`select id::text as id from outbound_messages where source_id = '6'`);
    expect(await outbox.queuedReplyId('6')).to.equal(queued!.id);
    await em().transactional(async (tx) => {
      const repo = tx.getRepository(OutboundMessage);
      const row = await repo.lockByProviderId('SM1');
      expect(row).to.deep.include({ userId: ada, status: 'sent' });
      await repo.setDeliveryStatus(row!.id, 'delivered', null, LATER);
      expect(await repo.lockByProviderId('SM2')).to.equal(null);
    });
    expect(await sql(`select status, last_error from outbound_messages where source_id = '5'`)).to.deep.equal([{ status: 'delivered', last_error: 'earlier' }]);
    const [sent] = await sql<{ id: string }>(`select id::text as id from outbound_messages where source_id = '5'`);
    await em().getRepository(OutboundMessage).setDeliveryStatus(sent!.id, 'failed', 'twilio 30003: message undelivered', LATER);
    expect(await sql(`select status, last_error from outbound_messages where source_id = '5'`)).to.deep.equal([
      { status: 'failed', last_error: 'twilio 30003: message undelivered' },
    ]);
  });
});
