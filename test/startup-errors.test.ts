import { expect } from 'chai';
import { spawn } from 'node:child_process';
import net from 'node:net';
import { consoleChannel } from '../src/channels/console/console.channel.js';
import { initDb } from '../src/db/init-db.js';
import { createErrand } from '../src/errand.js';
import { testDb } from './support/db.js';
import { startRefusingPostgres } from './support/fake-postgres.js';
import { silentLogger, testConfig } from './support/fixtures.js';
import { captureLogs } from './support/log-capture.js';

const openServer = (url: string, logger = silentLogger) =>
  initDb({ config: { databaseUrl: url, dataDir: 'memory://', dbPoolMax: 2, migrateOnStart: false }, logger });

async function failure(opening: Promise<{ close(): Promise<void> }>): Promise<Error> {
  const outcome = await opening.then(
    async (db) => {
      await db.close();
      return undefined;
    },
    (err: unknown) => err as Error,
  );
  if (!outcome) expect.fail('the database opened');
  return outcome;
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('start-up errors say what to fix', () => {
  it('a port in use names the port and PORT instead of "Cannot destructure property \'port\'"', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as net.AddressInfo;
    const errand = await createErrand({
      config: testConfig({ PORT: String(port), HOST: '127.0.0.1' }), logger: silentLogger, db: testDb(), channels: [consoleChannel],
    });
    try {
      const err = await errand.listen().then(() => expect.fail('listened on a taken port'), (e: unknown) => e as Error);
      expect(err.name).to.equal('StartupError');
      expect(err.message).to.equal(
        `Cannot listen on port ${port} on 127.0.0.1: it is already in use by another process. Stop that process or set PORT to a free port.`,
      );
    } finally {
      await errand.stop();
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  });

  it('a refused connection names DATABASE_URL, with its password hidden', async () => {
    const port = await closedPort();
    const err = await failure(openServer(`postgres://errand:s3cret-pw@127.0.0.1:${port}/errand?sslpassword=other`));
    expect(err.name).to.equal('StartupError');
    expect(err.message).to.equal(
      `Cannot connect to the PostgreSQL server in DATABASE_URL (postgres://errand@127.0.0.1:${port}/errand, password hidden): ` +
        'connection refused (is PostgreSQL running and listening on that host and port?)',
    );
  });

  it('an unknown host and an unknown role are named as such', async () => {
    const host = await failure(openServer('postgres://errand@no-such-host.invalid:5432/errand'));
    expect(host.message).to.equal(
      'Cannot connect to the PostgreSQL server in DATABASE_URL (postgres://errand@no-such-host.invalid:5432/errand): unknown host "no-such-host.invalid"',
    );
    const server = await startRefusingPostgres({ code: '28000', message: 'role "nobody" does not exist' });
    try {
      const role = await failure(openServer(server.url('nobody', 'errand')));
      expect(role.message).to.match(/^Cannot connect to the PostgreSQL server in DATABASE_URL \(postgres:\/\/nobody@127\.0\.0\.1:\d+\/errand\): /);
      expect(role.message).to.match(/: role "nobody" does not exist \(SQLSTATE 28000\)$/);
    } finally {
      await server.close();
    }
  });

  it('a DATABASE_URL naming a missing database creates it and says so', async function () {
    this.timeout(120_000); // two fresh databases, each migrated from scratch
    // The test database's server under another database name (the embedded one takes any name it is given).
    const name = `errand_created_${process.pid}`;
    const url = new URL(testDb().orm.config.get('clientUrl')!);
    url.pathname = `/${name}`;
    const logs = captureLogs('info');
    try {
      await (await openServer(url.toString(), logs.logger)).close();
      await (await openServer(url.toString(), logs.logger)).close();
    } finally {
      await testDb().orm.em.getConnection().execute(`drop database if exists "${name}"`);
    }
    const created = logs.text().split('\n').filter((line) => line.includes('did not exist'));
    expect(created).to.have.length(1);
    const message = `DATABASE_URL names database "${name}", which did not exist: created it`;
    expect(JSON.parse(created[0]!)).to.include({ level: 'info', message });
  });

  it('npm start prints the message alone, without a stack, and exits 1', async function () {
    this.timeout(60_000);
    const port = await closedPort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH, PORT: '0', NODE_ENV: 'production', DATABASE_URL: `postgres://errand:pw@127.0.0.1:${port}/errand` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).to.equal(1);
    expect(stderr.trim()).to.equal(
      `Cannot connect to the PostgreSQL server in DATABASE_URL (postgres://errand@127.0.0.1:${port}/errand, password hidden): ` +
        'connection refused (is PostgreSQL running and listening on that host and port?)',
    );
  });
});
