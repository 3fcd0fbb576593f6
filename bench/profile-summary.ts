import fs from 'node:fs';
import path from 'node:path';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: a package in node_modules, our source, or node's own internals. */
function owner(url: string): string {
  if (!url) return '(native/gc/idle)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.startsWith('node:')) return url;
  const src = /\/(src|bench|test)\/(.*)$/.exec(url);
  return src ? `${src[1]}/${src[2]}` : url;
}

/** Frames whose whole subtree is charged to one cost centre. */
const INCLUSIVE: [string, RegExp][] = [
  ['module loading and compilation (start-up)', /node:internal\/modules|tsx|compileSourceTextModule/],
  ['recordInbound (transaction 1)', /^recordInbound /],
  ['handleInbound total', /^handleInbound /],
  ['MikroORM flush / unit of work', /^(flush|commit|computeChangeSets) @mikro-orm/],
  ['em.transactional', /^transactional @mikro-orm/],
  ['knex query building', /^(getKnexQuery|toSQL|toQuery|compile) /],
  ['pg driver (pg, pg-protocol)', /^\S+ (pg|pg-protocol)$/],
  ['Twilio signature check', /^verifyTwilioSignature|validateRequest|getExpectedTwilioSignature/],
  ['TwiML building (twilio/xmlbuilder)', /^(twiml|toString) |xmlbuilder/],
  ['winston logging', /winston|logform|readable-stream/],
  ['body parsing (qs, body-parser)', /body-parser|\bqs$|raw-body/],
  ['zod', /zod$/],
  ['libphonenumber', /libphonenumber-js$/],
  ['garbage collector', /^\(garbage collector\)/],
  ['socket writes (writeBuffer/writev)', /^(writeBuffer|writev) /],
];

/** Self time by package / file and by function, from a V8 .cpuprofile (`node --cpu-prof`). */
export function summarize(file: string, top = 25): string {
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byOwner = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const o = n.callFrame.functionName === '(idle)' ? '(idle)' : owner(n.callFrame.url);
    byOwner.set(o, (byOwner.get(o) ?? 0) + us);
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${owner(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
  }
  const busy = total - (byOwner.get('(idle)') ?? 0);
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = (test: RegExp) => {
    let us = 0;
    for (const [id, t] of self) {
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const f = byId.get(cur)!.callFrame;
        if (test.test(`${f.functionName} ${owner(f.url)}`)) {
          us += t;
          break;
        }
      }
    }
    return us;
  };
  const fmt = (m: Map<string, number>) =>
    [...m]
      .filter(([k]) => k !== '(idle)' && !k.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `${((us / busy) * 100).toFixed(1).padStart(5)} %  ${k}`)
      .join('\n');
  const inc = INCLUSIVE.map(([name, re]) => `${((inclusive(re) / busy) * 100).toFixed(1).padStart(5)} %  ${name}`).join('\n');
  return `profile ${path.basename(file)}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy\n\ninclusive time (share of busy time)\n${inc}\n\nself time by package/file (share of busy time)\n${fmt(byOwner)}\n\nself time by function\n${fmt(byFn)}`;
}

const file = process.argv[2];
if (file) console.log(summarize(file, Number(process.argv[3] ?? 25)));
