import { expect } from 'chai';
import { createErrand, type Errand } from '../src/errand.js';
import { silentLogger, testConfig } from './support/fixtures.js';
import { testDb } from './support/db.js';

describe('http', () => {
  let errand: Errand;
  let url: string;

  before(async () => {
    errand = await createErrand({ config: testConfig(), logger: silentLogger, db: testDb() });
    url = await errand.listen();
  });
  after(() => errand.stop());

  it('GET /healthz answers while the process is up', async () => {
    const res = await fetch(`${url}/healthz`);
    expect(res.status).to.equal(200);
    expect(await res.json()).to.deep.equal({ status: 'ok' });
  });

  it('GET /readyz checks the database', async () => {
    const res = await fetch(`${url}/readyz`);
    expect(res.status).to.equal(200);
    expect(await res.json()).to.include({ status: 'ready' });
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await fetch(`${url}/nope`);
    expect(res.status).to.equal(404);
    expect(await res.json()).to.include({ error: 'not_found' });
  });

  it('rejects bodies over 64 KB with 413', async () => {
    const res = await fetch(`${url}/anything`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ a: 'x'.repeat(70_000) }) });
    expect(res.status).to.equal(413);
    expect(await res.json()).to.include({ error: 'bad_request' });
  });

  it('rejects malformed JSON with 400', async () => {
    const res = await fetch(`${url}/anything`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' });
    expect(res.status).to.equal(400);
    expect(((await res.json()) as { message: string }).message).to.match(/could not be parsed/);
  });
});

describe('graceful shutdown', () => {
  it('finishes messages in flight, then refuses connections', async () => {
    const errand = await createErrand({ config: testConfig(), logger: silentLogger, db: testDb() });
    const url = await errand.listen();
    let finished = false;
    const inFlight = errand.handleInbound({ channel: 'console', phone: '+15551239999', text: 'help', receivedAt: new Date() }).then((result) => {
      finished = true;
      return result;
    });
    await errand.stop();
    expect(finished, 'stop() returned before the message in flight was answered').to.equal(true);
    expect((await inFlight).outcome).to.equal('replied');
    let refused = false;
    await fetch(`${url}/healthz`).catch(() => {
      refused = true;
    });
    expect(refused).to.equal(true);
  });
});

describe('metrics', () => {
  it('exposes Prometheus metrics, behind a bearer token when METRICS_TOKEN is set', async () => {
    const errand = await createErrand({ config: testConfig({ METRICS_TOKEN: 's3cret' }), logger: silentLogger, db: testDb() });
    const url = await errand.listen();
    try {
      await errand.handleInbound({ channel: 'console', phone: '+15551238888', text: 'help', receivedAt: new Date() });
      expect((await fetch(`${url}/webhooks/no-such-provider`, { method: 'POST' })).status).to.equal(404);
      expect((await fetch(`${url}/metrics`)).status).to.equal(401);
      expect((await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer nope' } })).status).to.equal(401);
      const res = await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer s3cret' } });
      expect(res.status).to.equal(200);
      const text = await res.text();
      expect(text).to.match(/errand_inbound_messages_total\{channel="console",outcome="replied"\} 1/);
      expect(text).to.match(/errand_understanding_seconds_count\{path="rules",kind="help"\} 1/);
      expect(text).to.match(/errand_ack_seconds_count\{channel="other"\} 1/);
      expect(text).not.to.include('no-such-provider');
      expect(text).to.match(/errand_outbox_depth\{status="queued"\} 0/);
      expect(text).to.include('errand_process_resident_memory_bytes');
    } finally {
      await errand.stop();
    }
  });
});
