import { expect } from 'chai';
import { parseTelegramConfig } from '../../src/channels/telegram/telegram.config.js';
import { commandText } from '../../src/channels/telegram/telegram.replies.js';
import { splitText } from '../../src/channels/telegram/telegram.split.js';
import { ConfigError } from '../../src/config.js';

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('telegram: settings', () => {
  it('is off without TELEGRAM_BOT_TOKEN', () => {
    expect(parseTelegramConfig({}, undefined)).to.equal(null);
    expect(parseTelegramConfig({ TELEGRAM_BOT_TOKEN: ' ' }, 'https://errand.example.com')).to.equal(null);
  });

  it('long-polls without PUBLIC_BASE_URL and uses Telegram’s API root by default', () => {
    expect(parseTelegramConfig({ TELEGRAM_BOT_TOKEN: TOKEN }, undefined)).to.deep.equal({
      token: TOKEN, apiRoot: 'https://api.telegram.org', webhookSecret: undefined, webhookUrl: undefined,
    });
  });

  it('uses a webhook with its secret when PUBLIC_BASE_URL is set', () => {
    const config = parseTelegramConfig(
      { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: 'abcdefghijklmnop_-12', TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/' },
      'https://errand.example.com',
    );
    expect(config).to.deep.equal({
      token: TOKEN, apiRoot: 'http://127.0.0.1:8081', webhookSecret: 'abcdefghijklmnop_-12', webhookUrl: 'https://errand.example.com/webhooks/telegram',
    });
  });

  it('names the variable and never echoes the token or secret', () => {
    const badToken = configError(() => parseTelegramConfig({ TELEGRAM_BOT_TOKEN: 'not-a-token' }, undefined));
    expect(badToken.message).to.match(/TELEGRAM_BOT_TOKEN: expected the token from @BotFather/).and.not.match(/not-a-token/);
    const noSecret = configError(() => parseTelegramConfig({ TELEGRAM_BOT_TOKEN: TOKEN }, 'https://errand.example.com'));
    expect(noSecret.message).to.match(/TELEGRAM_WEBHOOK_SECRET: required when PUBLIC_BASE_URL is set/);
    const badSecret = configError(() => parseTelegramConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: 'short secret!' }, 'https://x.example'));
    expect(badSecret.message).to.match(/TELEGRAM_WEBHOOK_SECRET: expected 16–256 characters/).and.not.match(/short secret/);
    const badRoot = configError(() => parseTelegramConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'telegram' }, undefined));
    expect(badRoot.message).to.match(/TELEGRAM_API_ROOT: expected a URL/);
  });
});

describe('telegram: commands and splitting', () => {
  it('maps menu commands to words the rules understand and leaves the rest alone', () => {
    expect(commandText('/reminders')).to.equal('list my reminders');
    expect(commandText('/agenda@errand_test_bot')).to.equal("what's on today");
    expect(commandText('/list')).to.equal('show grocery list');
    expect(commandText('/spent')).to.equal('spending this month');
    expect(commandText('/help')).to.equal('help');
    expect(commandText('/start deep-link-payload')).to.equal('help');
    expect(commandText('/weather')).to.equal('/weather');
    expect(commandText('add milk')).to.equal('add milk');
  });

  it('keeps short text whole and drops blank text', () => {
    expect(splitText('hello')).to.deep.equal(['hello']);
    expect(splitText('  \n ')).to.deep.equal([]);
    expect(splitText('x'.repeat(4096))).to.deep.equal(['x'.repeat(4096)]);
  });

  it('prefers paragraph, then line, then word breaks', () => {
    const para = `${'a '.repeat(1500)}\n\n${'b'.repeat(2000)}`;
    expect(splitText(para, 4096).map((p) => p.length)).to.deep.equal([2999, 2000]);
    const words = 'word '.repeat(2000);
    const parts = splitText(words, 4096);
    expect(parts.every((p) => p.length <= 4096 && !p.startsWith(' ') && p.split(' ').every((w) => w === 'word'))).to.equal(true);
    expect(parts.join(' ')).to.equal(words.trim());
  });

  it('cuts unbroken text at the limit without splitting an emoji', () => {
    const text = `${'x'.repeat(4095)}😀${'y'.repeat(10)}`;
    const parts = splitText(text);
    expect(parts).to.deep.equal(['x'.repeat(4095), `😀${'y'.repeat(10)}`]);
    expect(splitText('z'.repeat(9000)).map((p) => p.length)).to.deep.equal([4096, 4096, 808]);
  });
});
