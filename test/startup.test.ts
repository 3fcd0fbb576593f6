import { expect } from 'chai';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { needsInitdb, removeAbandoned, seedFromTemplate } from '../src/db/pglite-template.js';
import { testDb } from './support/db.js';

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run cli -- …` as a person types it, with its own (not yet existing) data directory. */
function npmCli(args: string[], dataDir: string): Promise<Finished> {
  const child = spawn('npm', ['run', '--silent', 'cli', '--', ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME ?? os.homedir(), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

describe('start-up', function () {
  this.timeout(120_000);
  let scratch: string;
  beforeEach(() => (scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'errand-startup-'))));
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('answers an unknown CLI command with its usage and exit code 2, opening no database', async () => {
    const dataDir = path.join(scratch, 'data');
    const { code, stdout, stderr } = await npmCli(['frobnicate'], dataDir);
    expect(code).to.equal(2);
    expect(stderr).to.include('Usage: npm run --silent cli -- <command>');
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).to.have.property('error').that.includes('unknown command "frobnicate"');
    expect(fs.existsSync(dataDir), 'the data directory was created').to.equal(false);
  });

  it('answers a CLI send without a phone number the same way, before anything is opened', async () => {
    const dataDir = path.join(scratch, 'data');
    const { code, stderr } = await npmCli(['send', 'hello'], dataDir);
    expect(code).to.equal(2);
    expect(stderr).to.include('send takes one --from PHONE');
    expect(fs.existsSync(dataDir), 'the data directory was created').to.equal(false);
  });

  it('makes a new embedded data directory a copy of the template, clearing an interrupted copy first', () => {
    const template = path.join(scratch, 'template');
    fs.mkdirSync(path.join(template, 'base'), { recursive: true });
    fs.writeFileSync(path.join(template, 'PG_VERSION'), '17\n');
    fs.writeFileSync(path.join(template, 'base', 'catalog'), 'rows');
    const dbPath = path.join(scratch, 'data', 'pglite');
    fs.mkdirSync(`${dbPath}.seed-999999`, { recursive: true }); // left by a start killed mid-copy
    fs.mkdirSync(dbPath); // empty: as a start that died before initdb leaves it
    expect(needsInitdb(dbPath)).to.equal(true);
    seedFromTemplate(template, dbPath);
    expect(fs.readFileSync(path.join(dbPath, 'base', 'catalog'), 'utf8')).to.equal('rows');
    expect(fs.readdirSync(path.dirname(dbPath))).to.deep.equal(['pglite']);
    expect(needsInitdb(dbPath)).to.equal(false);
  });

  it('clears half-made templates of processes that died making them, not those of living ones', () => {
    const template = path.join(scratch, 'pglite-0.5.14');
    fs.mkdirSync(`${template}.tmp-999999999`); // that pid does not exist
    fs.mkdirSync(`${template}.tmp-${process.ppid}`); // the test runner's parent, alive
    removeAbandoned(template);
    expect(fs.readdirSync(scratch)).to.deep.equal([`pglite-0.5.14.tmp-${process.ppid}`]);
  });

  it('leaves a data directory that holds something other than a database to PGlite', () => {
    const dbPath = path.join(scratch, 'pglite');
    fs.mkdirSync(dbPath);
    fs.writeFileSync(path.join(dbPath, 'unexpected'), '');
    expect(needsInitdb(dbPath)).to.equal(false);
  });

  it('runs the embedded PostgreSQL with small shared buffers (resident memory)', async function () {
    if (testDb().mode !== 'embedded') this.skip();
    const [row] = await testDb().orm.em.getConnection().execute<{ shared_buffers: string }[]>('show shared_buffers');
    expect(row?.shared_buffers).to.equal('16MB');
  });
});
