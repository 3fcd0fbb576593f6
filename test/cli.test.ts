import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resetDb, testDb } from './support/db.js';
import { consoleMessage, makePipeline, sql } from './support/pipeline.js';
import { dumpUsers } from '../src/cli/dump.js';
import pg from 'pg';
import { toolModules } from '../src/tools/index.js';
import { runCli, type CliRun, type RunOptions } from './support/cli.js';

const A = '+15551230001';
const B = '+15551230002';

/**
 * The real `npm run cli` process, on the test database. The embedded one serves every connection from one session,
 * so the statements an earlier process prepared (errand_1_0…) are still there: a new process would collide with them.
 * (On a server each connection has its own session, and the test's own connections keep theirs.)
 */
async function cli(args: string[], opts: Omit<RunOptions, 'DATABASE_URL'> = {}): Promise<CliRun> {
  if (!process.env.TEST_DATABASE_URL) await sql('deallocate all');
  return runCli('src/cli/main.ts', args, { ...opts, DATABASE_URL: String(testDb().orm.config.get('clientUrl')) });
}

function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('npm run cli (the real process)', function () {
  // Each test starts a Node process that loads the whole app: slow on a busy machine.
  this.timeout(120_000);
  beforeEach(resetDb);

  it('--help prints the usage of every command and exits 0', async () => {
    const run = await cli(['--help']);
    expect(run.code, run.stderr).to.equal(0);
    for (const word of ['send', 'replay', 'dump', '--from', '--at', '--all']) expect(run.stdout).to.include(word);
  });

  it('an unknown command is a usage error (exit 2) with the usage on stderr, not a stack trace', async () => {
    const run = await cli(['frobnicate']);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.include('dump --all');
    expect(run.stderr).not.to.match(/\n\s+at /);
  });

  describe('replay', () => {
    let dir: string;
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errand-replay-'))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('answers good lines and gives every bad line an error, never a reply', async () => {
      const bad = [
        'not json',
        'null',
        '[1, 2]',
        '42',
        JSON.stringify({ text: 'add milk' }),
        JSON.stringify({ from: 'abc', text: 'add milk' }),
        JSON.stringify({ from: 15551230001, text: 'add milk' }),
        JSON.stringify({ from: A }),
        JSON.stringify({ from: A, text: 42 }),
        JSON.stringify({ from: A, text: 'add milk', at: 'garbage' }),
        JSON.stringify({ from: A, text: 'add milk', at: '2026-02-30T10:00:00Z' }),
        JSON.stringify({ from: A, text: 'add milk', at: 1700000000000 }),
      ];
      const good = [
        JSON.stringify({ from: A, text: 'add eggs', at: '2026-11-23T14:00:00Z' }),
        JSON.stringify({ from: B, text: 'add bread' }),
      ];
      const file = path.join(dir, 'in.jsonl');
      fs.writeFileSync(file, [good[0], ...bad, '', good[1]].join('\n'));
      const run = await cli(['replay', file]);
      expect(run.code, run.stderr).to.equal(0);
      const out = jsonLines(run.stdout);
      expect(out).to.have.length(bad.length + 2);
      for (const [i, line] of out.slice(1, -1).entries()) {
        expect(line, bad[i]).to.have.property('error').that.is.a('string').and.not.empty;
        expect(line, bad[i]).not.to.have.property('reply');
      }
      expect(out[0]).to.deep.include({ from: A, text: 'add eggs' });
      expect(out[0]!.reply).to.match(/Added eggs/);
      expect(out.at(-1)).to.deep.include({ from: B, text: 'add bread' });
      expect(out.at(-1)!.reply).to.match(/Added bread/);
      const rows = await sql<{ name: string }>('select name from grocery_items order by id');
      expect(rows.map((r) => r.name), 'bad lines store nothing').to.deep.equal(['eggs', 'bread']);
    });
  });

  describe('dump', () => {
    async function seed(): Promise<void> {
      const handle = makePipeline();
      for (const text of ['my timezone is Chicago', 'call me Sam', 'my currency is EUR', 'notify me 15 min before events', 'add milk']) {
        await handle(consoleMessage(text, { phone: A }));
      }
      await handle(consoleMessage('remind me to call mum tomorrow at 6pm', { phone: A }));
      await handle(consoleMessage('lunch with Jo friday 1pm', { phone: A }));
      await handle(consoleMessage('spent 12.50 on lunch', { phone: A }));
      await handle(consoleMessage('add bread', { phone: B }));
      await handle(consoleMessage('add call the plumber to my to-do list', { phone: A }));
      await handle(consoleMessage('put 2 bottles of sunscreen and a hat on the packing list', { phone: A }));
      await handle(consoleMessage('make a packing list', { phone: B }));
    }

    const ids = async (table: string, phone: string) => {
      const rows = await sql<{ id: number }>(
        `select t.id from ${table} t join users u on u.id = t.user_id where u.phone_number = $1 order by t.id`,
        [phone],
      );
      return rows.map((r) => r.id);
    };

    it('prints one line per --from, in order, with the records\' ids and the user\'s settings', async () => {
      await seed();
      const run = await cli(['dump', '--from', B, '--from', '+15559990000', '--from', A]);
      expect(run.code, run.stderr).to.equal(0);
      const [b, missing, a] = jsonLines(run.stdout) as Record<string, any>[];
      expect(jsonLines(run.stdout)).to.have.length(3);
      const [userA] = await sql<{ id: number }>('select id from users where phone_number = $1', [A]);
      expect(a!.user).to.deep.equal({ id: userA!.id, phone: A, timezone: 'America/Chicago' });
      expect(a!.settings).to.include({ timezone: 'America/Chicago', currency: 'EUR', name: 'Sam', eventAlertMinutes: 15 });
      expect(a!.settings).to.have.property('quietHours');
      expect(a!.reminders.map((r: { id: number }) => r.id)).to.deep.equal(await ids('reminders', A));
      expect(a!.events.map((r: { id: number }) => r.id)).to.deep.equal(await ids('calendar_events', A));
      const groceryIds = await sql<{ id: number }>('select id from grocery_items where list_id is null and user_id = $1 order by id', [userA!.id]);
      expect(a!.groceryItems.map((r: { id: number }) => r.id)).to.deep.equal(groceryIds.map((r) => r.id));
      expect(a!.expenses.map((r: { id: number }) => r.id)).to.deep.equal(await ids('expenses', A));
      expect(a!.reminders[0]).to.include({ text: 'Call mum', status: 'pending' });
      expect(a!.expenses[0]).to.include({ amount: '12.50', currency: 'EUR' });
      const bread = { id: (await ids('grocery_items', B))[0], name: 'bread', quantity: null, unit: null, category: 'bakery', done: false };
      expect(b!.groceryItems).to.deep.equal([bread]);
      expect(b!.settings).to.include({ currency: 'USD', name: null, eventAlertMinutes: 30 });
      expect(a!.lists).to.deep.equal([
        { name: 'to-do', items: [{ name: 'call the plumber', quantity: null, unit: null, done: false }] },
        { name: 'packing', items: [{ name: 'sunscreen', quantity: 2, unit: 'bottle', done: false }, { name: 'hat', quantity: 1, unit: null, done: false }] },
      ]);
      expect(b!.lists).to.deep.equal([{ name: 'packing', items: [] }]);
      expect(missing).to.deep.equal({ user: null, settings: null, reminders: [], lists: [], events: [], groceryItems: [], expenses: [] });
    });

    it('--all prints every user, one line each, in id order', async () => {
      await seed();
      // More users than one batch holds.
      await sql(`insert into users (phone_number, timezone)
                 select '+1555200' || lpad(g::text, 4, '0'), 'UTC' from generate_series(1, 1200) g`);
      const run = await cli(['dump', '--all']);
      expect(run.code, run.stderr).to.equal(0);
      const out = jsonLines(run.stdout) as { user: { id: number; phone: string } }[];
      const users = await sql<{ id: number }>('select id from users order by id');
      expect(out.map((l) => l.user.id)).to.deep.equal(users.map((u) => u.id));
      expect(out[0]!.user.phone).to.equal(A);
    });

    it('stops quietly (exit 0, no stack trace) when the reader goes away, as `| head -1` does', async () => {
      await sql(`insert into users (phone_number, timezone)
                 select '+1555200' || lpad(g::text, 4, '0'), 'UTC' from generate_series(1, 3000) g`);
      const run = await cli(['dump', '--all'], { firstLineOnly: true });
      expect(run.stderr).to.equal('');
      expect(run.code).to.equal(0);
    });

    it('reads a batch of users with one statement per section, not a few per user', async () => {
      await seed();
      await sql(`insert into users (phone_number, timezone)
                 select '+1555200' || lpad(g::text, 4, '0'), 'UTC' from generate_series(1, 1200) g`);
      const phones = [A, B, ...(await sql<{ phone_number: string }>('select phone_number from users')).map((u) => u.phone_number)];
      let statements = 0;
      const query = pg.Client.prototype.query;
      pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
        statements++;
        return (query as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof query;
      try {
        for (const target of [{ all: true } as const, { phones }]) {
          statements = 0;
          let lines = 0;
          const write = async (chunk: string) => void (lines += chunk.split('\n').length - 1);
          await dumpUsers({ em: testDb().orm.em, modules: toolModules, defaultCurrency: 'USD', write, batchSize: 500 }, target);
          expect(lines).to.equal('all' in target ? 1202 : 1204);
          const sections = toolModules.filter((m) => m.dump).length;
          expect(statements, JSON.stringify(target).slice(0, 20)).to.equal(3 * (1 + sections));
        }
      } finally {
        pg.Client.prototype.query = query;
      }
    });

    it('--all together with --from is a usage error', async () => {
      expect((await cli(['dump', '--all', '--from', A])).code).to.equal(2);
    });

    it('neither --all nor --from is a usage error', async () => {
      expect((await cli(['dump'])).code).to.equal(2);
    });
  });
});
