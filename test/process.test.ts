import { expect } from 'chai';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './support/cli.js';
import { npmScriptArgs } from './support/npm-script.js';

/** Starts the real entry point like `npm start` does (compiled, on plain node), with its own embedded data directory. */
describe('npm start (the real process)', function () {
  this.timeout(120_000);

  it('listens on the embedded database, answers /healthz and exits cleanly on SIGTERM', async () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'errand-start-')), 'data');
    const child = spawn(process.execPath, npmScriptArgs('start'), {
      env: { PATH: process.env.PATH, PORT: '0', DATA_DIR: dataDir, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "listening" line within 100 s:\n${output}`)), 100_000);
        child.stdout.on('data', () => {
          const match = /Errand listening on (http:\/\/[^\s"]+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
      });
      const res = await fetch(`${url}/healthz`);
      expect(res.status).to.equal(200);
      expect(output.split('\n').find((l) => l.includes('listening'))).to.match(/^\{/); // JSON lines in production
      // One line per stage, so a start-up is never silent; a new data directory is a copy of the template.
      const stages = ['starting Errand', 'opening the embedded database', 'copied the PGlite template', 'migrations: applied'];
      for (const stage of stages) expect(output, stage).to.include(stage);
      child.kill('SIGTERM');
      expect(await exited).to.equal(0);
      expect(fs.existsSync(path.join(dataDir, 'errand.lock'))).to.equal(false);
    } finally {
      child.kill('SIGKILL');
      fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
    }
  });
});

describe('npm run chat (the real process)', function () {
  this.timeout(120_000);

  it('answers lines typed into the terminal through the same pipeline', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'errand-chat-'));
    const child = spawn(process.execPath, [...npmScriptArgs('chat'), '--from', '+15555550123'], {
      env: { PATH: process.env.PATH, DATA_DIR: dataDir },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.stdin.end('add milk and eggs\nwhats on my list\n');
    try {
      expect(await exited).to.equal(0);
      expect(output).to.match(/Chatting with Errand as \+15555550123 \(embedded database\)/);
      expect(output).to.match(/errand> 🛒 Added milk, eggs/);
      expect(output).to.match(/errand> 🛒 Your list \(2\)/);
    } finally {
      child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('npm run chat --help', function () {
  this.timeout(60_000);

  it('prints the usage and exits 0, without opening a database', async () => {
    const run = await runCli('src/chat.ts', ['--help']);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.include('--from');
    expect(run.stdout).not.to.match(/Chatting with Errand/);
  });

  it('an unknown option is a short usage error (exit 2), not a stack trace', async () => {
    const run = await runCli('src/chat.ts', ['--frobnicate']);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.include('--frobnicate').and.include('--from');
    expect(run.stderr).not.to.match(/\n\s+at /);
  });
});
