import { pathToFileURL } from 'node:url';
import { startFakeTwilio } from '../test/support/fake-twilio.js';
import { runFloor, type FloorResult } from './floor.js';
import { readPlans } from './lib/calibrate.js';
import { machine, machineBusy } from './lib/cpu.js';
import { paced, post, round, saturate, type Paced, type Saturation } from './lib/load.js';
import { MIX, signedWebhook, webhookStream } from './lib/messages.js';
import { backendCpuMs, backendDelta, dbStats, perMessage } from './lib/pgstat.js';
import { startServer } from './lib/server.js';
import { ERRAND_DB, FLOOR_DB, flag, freshDatabase, hasFlag, phones, sidFactory, writeResult } from './lib/setup.js';

export interface InboundOptions {
  label: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  rate: number;
  rateSeconds: number;
  /** Keep what is already in the database (growth runs); otherwise it is dropped and migrated fresh. */
  keepDb?: boolean;
  floor?: boolean;
  env?: Record<string, string>;
  nodeFlags?: string[];
}

export interface InboundResult {
  label: string;
  env: Record<string, string>;
  saturation: Saturation & { serverCpuMsPerMessage: number; pgCpuMsPerMessage: number; machineBusyPercent: number; db: Record<string, number> };
  fixedRate: Paced & { serverCpuMsPerMessage: number };
  peakRssMb: number;
  floor?: FloorResult & { pgCpuMsPerMessage: number; machineBusyPercent: number; db: Record<string, number> };
  ratioToFloor?: number;
}

/** Every distinct text of the mix, sent once from its own number, so the floor can replay exactly what it wrote. */
export function calibrationSenders(): Map<string, string> {
  const texts = [...new Set(MIX.flatMap((m) => m.texts))];
  const from = phones(texts.length, 100_000);
  return new Map(texts.map((t, i) => [t, from[i]!]));
}

export async function runInbound(o: InboundOptions): Promise<InboundResult> {
  if (!o.keepDb) await freshDatabase(ERRAND_DB);
  const twilio = await startFakeTwilio();
  const server = await startServer({ databaseUrl: ERRAND_DB, twilioApiUrl: twilio.url, name: o.label, env: o.env, nodeFlags: o.nodeFlags });
  try {
    const senders = calibrationSenders();
    const sid = sidFactory();
    for (const [text, from] of senders) {
      const res = await post(server.url, signedWebhook(from, text, sid()), false);
      if (res.status !== 200 || !res.body.includes('<Message>')) throw new Error(`calibration "${text}" answered ${res.status}: ${res.body.slice(0, 200)}`);
    }
    log(`[${o.label}] warm-up ${o.warmupSeconds}s at concurrency ${o.connections}`);
    await saturate(server.url, webhookStream({ seed: 7 }), o.connections, o.warmupSeconds);
    server.resetPeak();

    log(`[${o.label}] saturation ${o.seconds}s at concurrency ${o.connections}`);
    const before = await dbStats(ERRAND_DB);
    const pg0 = await backendCpuMs(ERRAND_DB);
    const cpu0 = server.cpuMs();
    const busy = machineBusy();
    const sat = await saturate(server.url, webhookStream({ seed: 42 }), o.connections, o.seconds);
    const satBusy = busy();
    const satCpu = server.cpuMs() - cpu0;
    const satPg = backendDelta(pg0, await backendCpuMs(ERRAND_DB));
    const after = await dbStats(ERRAND_DB);

    log(`[${o.label}] fixed rate ${o.rate}/s for ${o.rateSeconds}s`);
    const cpu1 = server.cpuMs();
    const fixed = await paced(server.url, webhookStream({ seed: 43 }), o.rate, o.rateSeconds);
    const fixedCpu = server.cpuMs() - cpu1;
    const peakRssMb = round(server.peakRssMb());
    const result: InboundResult = {
      label: o.label,
      env: o.env ?? {},
      saturation: { ...sat, serverCpuMsPerMessage: round(satCpu / Math.max(1, sat.requests), 2), pgCpuMsPerMessage: round(satPg / Math.max(1, sat.requests), 2), machineBusyPercent: satBusy, db: perMessage(before, after, sat.requests) },
      fixedRate: { ...fixed, serverCpuMsPerMessage: round(fixedCpu / Math.max(1, fixed.ok), 2) },
      peakRssMb,
    };
    await server.stop();
    if (o.floor) {
      log(`[${o.label}] floor: raw pg, ${o.seconds}s at concurrency ${o.connections}`);
      const plans = await readPlans(ERRAND_DB, senders);
      await freshDatabase(FLOOR_DB);
      await runFloor(FLOOR_DB, webhookStream({ seed: 7 }), plans, o.connections, o.warmupSeconds);
      const fBefore = await dbStats(FLOOR_DB);
      const fBusy = machineBusy();
      const fPg0 = await backendCpuMs(FLOOR_DB);
      const floor = await runFloor(FLOOR_DB, webhookStream({ seed: 42 }), plans, o.connections, o.seconds, async () => backendDelta(fPg0, await backendCpuMs(FLOOR_DB)));
      const floorBusy = fBusy();
      const fAfter = await dbStats(FLOOR_DB);
      result.floor = { ...floor, perSecond: round(floor.perSecond), statementsPerMessage: round(floor.statementsPerMessage), clientCpuMsPerMessage: round(floor.clientCpuMsPerMessage, 2), pgCpuMsPerMessage: round(floor.pgCpuMs / Math.max(1, floor.messages), 2), machineBusyPercent: floorBusy, db: perMessage(fBefore, fAfter, floor.messages) };
      result.ratioToFloor = round((sat.perSecond / floor.perSecond) * 100);
    }
    return result;
  } finally {
    await server.stop();
    await twilio.close();
  }
}

export function summary(r: InboundResult): string {
  const s = r.saturation;
  const f = r.fixedRate;
  const lines = [
    `| ${r.label} | ${round(s.perSecond)} msg/s | ${r.floor ? `${r.floor.perSecond} msg/s` : '—'} | ${r.ratioToFloor ?? '—'}${r.ratioToFloor ? ' %' : ''} | ${f.latencyMs.p50} / ${f.latencyMs.p95} / ${f.latencyMs.p99} ms | ${r.peakRssMb} MB | ${s.serverCpuMsPerMessage} + ${s.pgCpuMsPerMessage} ms | ${r.floor ? `${r.floor.clientCpuMsPerMessage} + ${r.floor.pgCpuMsPerMessage} ms` : '—'} | ${s.db.commits} |`,
  ];
  return lines.join('\n');
}

export const SUMMARY_HEADER = `| run | Errand at saturation | floor | Errand/floor | ack p50 / p95 / p99 at fixed rate | peak RSS | CPU per msg: Errand + its PG backends | floor: client + PG | commits per msg |
|---|---|---|---|---|---|---|---|---|`;

export function log(line: string): void {
  console.error(line);
}

export function envOverrides(): Record<string, string> {
  return Object.fromEntries(
    process.argv.filter((a) => a.startsWith('--env=')).map((a) => {
      const [key, ...rest] = a.slice(6).split('=');
      return [key!, rest.join('=')];
    }),
  );
}

export function optionsFromArgs(label: string): InboundOptions {
  return {
    label,
    connections: flag('connections', 16),
    seconds: flag('seconds', 20),
    warmupSeconds: flag('warmup', 5),
    rate: flag('rate', 200),
    rateSeconds: flag('rate-seconds', 20),
    floor: !hasFlag('no-floor'),
    env: envOverrides(),
    nodeFlags: [
      ...(hasFlag('cpu-prof') ? ['--cpu-prof', '--cpu-prof-dir=.bench/profiles'] : []),
      // --node-flag=--max-semi-space-size=8: extra flags for the server's node process.
      ...process.argv.filter((a) => a.startsWith('--node-flag=')).map((a) => a.slice('--node-flag='.length)),
    ],
  };
}

async function main(): Promise<void> {
  const label = process.argv.find((a) => a.startsWith('--label='))?.slice(8) ?? 'inbound';
  const opts = optionsFromArgs(label);
  log(`machine: ${JSON.stringify(machine())}`);
  const result = await runInbound(opts);
  const file = writeResult(label, { machine: machine(), options: opts, result });
  console.log(SUMMARY_HEADER);
  console.log(summary(result));
  console.log(`\nsaturation: ${JSON.stringify(result.saturation)}\nfixed rate: ${JSON.stringify(result.fixedRate)}\nfloor: ${JSON.stringify(result.floor)}\n→ ${file}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
