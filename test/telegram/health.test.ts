import { expect } from 'chai';
import { resetDb, testDb } from '../support/db.js';
import { startFakeTelegram } from '../support/fake-telegram.js';
import { captureLogs, type CapturedLogs } from '../support/log-capture.js';
import { startTcpProxy } from '../support/tcp-proxy.js';
import { startTelegramErrand, TEST_BOT_OPTIONS } from '../support/telegram.js';

interface Readiness {
  status: number;
  telegram?: string;
}

async function readiness(url: string): Promise<Readiness> {
  const res = await fetch(`${url}/readyz`);
  const body = (await res.json()) as { status: string; database: string; channels?: { telegram?: string } };
  expect(body.database).to.equal(testDb().mode);
  expect(body.status).to.equal(res.status === 200 ? 'ready' : 'unavailable');
  return { status: res.status, telegram: body.channels?.telegram };
}

/** Checks `condition` until it holds; the deadline only turns a hang into a failure. */
async function eventually(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const about = (logs: CapturedLogs, level: string) =>
  logs
    .text()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { level: string; message: string })
    .filter((e) => e.level === level && e.message.startsWith('Telegram Bot API'))
    .map((e) => e.message);

describe('telegram: channel state in /readyz', () => {
  beforeEach(resetDb);

  it('long polling without a reachable Bot API: one warning saying when it retries, 503 "unreachable", then "polling"', async () => {
    const fake = await startFakeTelegram();
    const proxy = await startTcpProxy(fake.apiRoot);
    await proxy.cut();
    const logs = captureLogs('info');
    const h = await startTelegramErrand({
      mode: 'polling', fake, apiRoot: proxy.url.replace(/\/$/, ''), logger: logs.logger,
      botOptions: { ...TEST_BOT_OPTIONS, startRetry: { firstMs: 20, maxMs: 40 } },
    });
    try {
      await eventually(() => proxy.cutConnections >= 4, 'several attempts to reach the Bot API');
      expect(await readiness(h.url)).to.deep.equal({ status: 503, telegram: 'unreachable' });
      expect(about(logs, 'warn')).to.have.length(1);
      expect(about(logs, 'warn')[0]).to.match(/^Telegram Bot API at http:\/\/127\.0\.0\.1:\d+ is unreachable \(getMe: \w+\); retrying in 20 ms/);

      await proxy.up();
      await eventually(() => fake.calls.some((c) => c.method === 'getUpdates'), 'long polling');
      expect(await readiness(h.url)).to.deep.equal({ status: 200, telegram: 'polling' });
      expect(about(logs, 'info')).to.have.length(1);

      await proxy.cut();
      await eventually(async () => (await readiness(h.url)).telegram === 'unreachable', 'the outage seen while polling');
      expect(about(logs, 'warn')[1]).to.match(/\(getUpdates: \w+\); retrying every 3 s/);
      await proxy.up();
      await eventually(async () => (await readiness(h.url)).status === 200, 'polling again after grammY waited 3 s');
      expect(about(logs, 'warn')).to.have.length(2);
      expect(about(logs, 'info')).to.have.length(2);
    } finally {
      await h.close();
      await proxy.close();
    }
  });

  it('webhook mode is ready once the bot is identified; a rejected token is 503 "rejected"', async () => {
    const h = await startTelegramErrand({ mode: 'webhook' });
    try {
      await h.fake.waitFor(() => h.fake.calls.some((c) => c.method === 'getWebhookInfo'));
      expect(await readiness(h.url)).to.deep.equal({ status: 200, telegram: 'webhook' });
    } finally {
      await h.close();
    }
    const rejected = await startTelegramErrand({ mode: 'webhook', failFirst: { getMe: [{ status: 401, description: 'Unauthorized' }] } });
    try {
      await rejected.fake.waitFor(() => rejected.fake.calls.some((c) => c.method === 'getMe'));
      await eventually(async () => (await readiness(rejected.url)).telegram === 'rejected', 'the token rejected');
      expect(await readiness(rejected.url)).to.deep.equal({ status: 503, telegram: 'rejected' });
    } finally {
      await rejected.close();
    }
  });
});
