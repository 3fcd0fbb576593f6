import { expect } from 'chai';
import { COMMANDS } from '../../src/channels/telegram/telegram.replies.js';
import { runWebhookCommand } from '../../src/channels/telegram/telegram-webhook.cli.js';
import { parseTelegramConfig } from '../../src/channels/telegram/telegram.config.js';
import { resetDb } from '../support/db.js';
import { SERVER_ERROR, startFakeTelegram } from '../support/fake-telegram.js';
import { silentLogger } from '../support/fixtures.js';
import { sql } from '../support/pipeline.js';
import { ADA, contactUpdate, SECRET, startTelegramErrand, textUpdate } from '../support/telegram.js';
import { channelTestModule } from './modules.js';

const MENU = ['start', 'help', 'reminders', 'agenda', 'list', 'spent'];

describe('telegram: modes', () => {
  beforeEach(resetDb);

  it('long polling receives updates in order, registers the commands and stops cleanly', async () => {
    const h = await startTelegramErrand({ mode: 'polling', modules: [channelTestModule()] });
    try {
      h.fake.pushUpdates(contactUpdate(1, { phone_number: '15551230001', user_id: ADA.id }), textUpdate(2, 'whoami'));
      await h.fake.waitFor(() => h.fake.sent().length === 2);
      expect(h.fake.sent().map((c) => c.payload.text)[1]).to.equal('You are user 1 (+15551230001)');
      const methods = new Set(h.fake.calls.map((c) => c.method));
      for (const m of ['getMe', 'deleteWebhook', 'setMyCommands', 'getUpdates']) expect(methods).to.include(m);
      const commands = h.fake.calls.find((c) => c.method === 'setMyCommands')!.payload.commands as { command: string }[];
      expect(commands.map((c) => c.command)).to.deep.equal(MENU);
      const polls = h.fake.calls.filter((c) => c.method === 'getUpdates').map((c) => c.payload);
      expect(polls[0]!.allowed_updates).to.deep.equal(['message', 'my_chat_member']);
    } finally {
      const started = performance.now();
      await h.close();
      expect(performance.now() - started).to.be.below(2000);
    }
    expect(await sql('select update_id::int as id, status from telegram_updates order by 1')).to.deep.equal([
      { id: 1, status: 'processed' },
      { id: 2, status: 'processed' },
    ]);
  });

  it('webhook mode starts (bot info, commands, webhook check) and stops cleanly', async () => {
    const h = await startTelegramErrand({ mode: 'webhook' });
    await h.fake.waitFor(() => h.fake.calls.some((c) => c.method === 'getWebhookInfo'));
    expect(h.fake.calls.map((c) => c.method)).to.deep.equal(['getMe', 'setMyCommands', 'getWebhookInfo']);
    await h.close();
    let refused = false;
    await fetch(`${h.url}/webhooks/telegram`, { method: 'POST' }).catch(() => (refused = true));
    expect(refused).to.equal(true);
  });

  it('stops cleanly while start-up is still retrying an unhealthy Telegram', async () => {
    for (const mode of ['polling', 'webhook'] as const) {
      const h = await startTelegramErrand({ mode, failFirst: { getMe: [SERVER_ERROR, SERVER_ERROR, SERVER_ERROR] } });
      await h.fake.waitFor(() => h.fake.calls.some((c) => c.method === 'getMe'));
      const started = performance.now();
      await h.close();
      expect(performance.now() - started, mode).to.be.below(1000);
      expect(h.fake.calls.filter((c) => c.method === 'sendMessage')).to.deep.equal([]);
    }
  });

  it('npm run telegram:webhook -- set|info|delete manages the webhook with the secret', async () => {
    const fake = await startFakeTelegram();
    try {
      const env = { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, TELEGRAM_WEBHOOK_SECRET: SECRET };
      const config = parseTelegramConfig(env, 'https://errand.example.com/')!;
      expect(await runWebhookCommand('set', config, silentLogger)).to.deep.equal({ ok: true, webhook: 'https://errand.example.com/webhooks/telegram' });
      const set = fake.calls.find((c) => c.method === 'setWebhook')!.payload;
      expect(set).to.deep.equal({ url: 'https://errand.example.com/webhooks/telegram', secret_token: SECRET, allowed_updates: ['message', 'my_chat_member'] });
      expect(fake.calls.some((c) => c.method === 'setMyCommands')).to.equal(true);
      expect(await runWebhookCommand('info', config, silentLogger)).to.include({ url: 'https://errand.example.com/webhooks/telegram' });
      expect(await runWebhookCommand('delete', config, silentLogger)).to.deep.equal({ ok: true, webhook: null });
      expect(fake.webhookUrl).to.equal('');
    } finally {
      await fake.close();
    }
  });

  it('menu commands are the six the issue names', () => {
    expect(COMMANDS.map((c) => c.command)).to.deep.equal(MENU);
  });
});
