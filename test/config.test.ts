import { expect } from 'chai';
import { ConfigError, createConfig } from '../src/config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    createConfig(env);
  } catch (err) {
    expect(err).to.be.instanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('config', () => {
  it('has working defaults with no environment at all', () => {
    const config = createConfig({});
    expect(config).to.include({ port: 3000, host: '127.0.0.1', dataDir: './data', migrateOnStart: true, defaultTimezone: 'UTC', defaultCurrency: 'USD', conversationIdleMinutes: 360 });
    expect(config.databaseUrl).to.equal(undefined);
  });

  it('reads and converts values', () => {
    const config = createConfig({ PORT: '8080', MIGRATE_ON_START: 'false', DEFAULT_TIMEZONE: 'America/Chicago', DEFAULT_CURRENCY: 'eur', PUBLIC_BASE_URL: 'https://x.ngrok.app/', DATABASE_URL: 'postgres://u@h/db' });
    expect(config).to.include({ port: 8080, migrateOnStart: false, defaultTimezone: 'America/Chicago', defaultCurrency: 'EUR', publicBaseUrl: 'https://x.ngrok.app', databaseUrl: 'postgres://u@h/db' });
  });

  it('treats empty values as unset', () => {
    expect(createConfig({ DATABASE_URL: '', PORT: '' }).port).to.equal(3000);
  });

  it('names every wrong variable and what it expects', () => {
    const problems = problemsOf({ PORT: 'eighty', DEFAULT_TIMEZONE: 'Mars/Olympus', DATABASE_URL: 'mysql://x', MIGRATE_ON_START: 'maybe', DEFAULT_CURRENCY: 'dollars', PUBLIC_BASE_URL: 'not a url' });
    const text = problems.join('\n');
    expect(problems).to.have.length(6);
    expect(text).to.match(/PORT: expected a whole number/);
    expect(text).to.match(/DEFAULT_TIMEZONE: expected an IANA time zone/);
    expect(text).to.match(/DATABASE_URL: expected a postgres:\/\/ connection URL/);
    expect(text).to.match(/MIGRATE_ON_START: expected true or false/);
    expect(text).to.match(/DEFAULT_CURRENCY: expected a three-letter currency code/);
    expect(text).to.match(/PUBLIC_BASE_URL: expected a URL/);
  });

  it('rejects out-of-range numbers', () => {
    expect(problemsOf({ PORT: '70000' }).join()).to.match(/PORT/);
    expect(problemsOf({ CONVERSATION_IDLE_MINUTES: '0' }).join()).to.match(/CONVERSATION_IDLE_MINUTES/);
  });
});
