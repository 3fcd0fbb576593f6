import type { Errand } from '../../src/errand.js';
import { AgentLog, User } from '../../src/entities/index.js';
import { replyForError } from '../../src/errors.js';
import { helpReply, SORRY_REPLY, unknownReply } from '../../src/pipeline/replies.js';
import type { ToolModule } from '../../src/tools/types.js';
import type { EvalCase } from './cases.js';
import { judgeCase, type GenericReplies, type Verdict } from './judge.js';
import { CASE_AT, SEED_AT, SEED_TEXTS, seedProblem, seedProfile, type SeedProfile } from './seed.js';
import { takeSnapshot, type Snapshot } from './snapshot.js';

export interface CaseResult {
  case: EvalCase;
  verdict: Verdict;
  reply: string;
  tools: string[];
}

export function genericReplies(modules: ToolModule[]): GenericReplies {
  return { fallbackStart: unknownReply(modules).split('\n')[0]!, help: helpReply(modules) };
}

/** A fresh, fictional number per case: +1 555 0000001, … (possible, never valid, never anyone's). */
export function casePhone(n: number): string {
  return `+1555${String(n).padStart(7, '0')}`;
}

export class SeedError extends Error {}

/** Sends a text the way `cli send` does: a thrown error becomes the reply a person would get. */
async function send(errand: Errand, phone: string, text: string, receivedAt: Date): Promise<{ reply: string; failed: boolean }> {
  try {
    const result = await errand.handleInbound({ channel: 'console', phone, text, receivedAt });
    return { reply: result.reply ?? '', failed: result.outcome === 'failed' };
  } catch (err) {
    return { reply: replyForError(err), failed: true };
  }
}

async function toolsOfLastText(errand: Errand, phone: string): Promise<string[]> {
  const em = errand.db.orm.em.fork();
  const user = await em.findOneOrFail(User, { phoneNumber: phone });
  const [log] = await em.find(AgentLog, { user }, { orderBy: { id: 'desc' }, limit: 1 });
  return log?.toolCalled ? log.toolCalled.split(',') : [];
}

/** Seeding is deterministic, so the state before a case is the seed's; every CHECK_EVERY-th case re-reads it to be sure. */
const CHECK_EVERY = 25;

/**
 * One case on its own user: seed through the pipeline, send the case's text at the fixed clock, snapshot (every
 * module's dump, settings, open question) and judge against the seeded state.
 */
export function createCaseRunner(errand: Errand, modules: ToolModule[]) {
  const generic = genericReplies(modules);
  const snapshot = (phone: string) => takeSnapshot(errand.db.orm.em.fork(), modules, phone);
  const seeded = new Map<SeedProfile, Snapshot>();

  async function stateBefore(profile: SeedProfile, phone: string, n: number): Promise<Snapshot> {
    const known = seeded.get(profile);
    if (known && n % CHECK_EVERY !== 0) return known;
    const state = await snapshot(phone);
    const problem = seedProblem(profile, state);
    if (problem) throw new SeedError(`The seed texts no longer produce the expected state (${problem}); fix seed.ts first.`);
    if (known && JSON.stringify(known) !== JSON.stringify(state)) throw new SeedError(`The ${profile} seed stored different rows for two users.`);
    seeded.set(profile, state);
    return state;
  }

  return async function runCase(c: EvalCase, n: number): Promise<CaseResult> {
    const phone = casePhone(n);
    const profile = seedProfile(c);
    for (const text of SEED_TEXTS[profile]) await send(errand, phone, text, SEED_AT);
    const before = await stateBefore(profile, phone, n);
    const { reply, failed } = await send(errand, phone, c.text, CASE_AT);
    const after = await snapshot(phone);
    const observe = (tools: string[]) => ({ reply, before, after, tools, failed: failed || reply === SORRY_REPLY });
    // The agent log is read only where it matters: removes (an attempt on a missing target) and misses (to explain them).
    let tools = c.expect.act === 'remove' ? await toolsOfLastText(errand, phone) : [];
    let verdict = judgeCase(c, observe(tools), generic);
    if (c.expect.act !== 'remove' && (!verdict.act || verdict.slot === false)) {
      tools = await toolsOfLastText(errand, phone);
      verdict = judgeCase(c, observe(tools), generic);
    }
    return { case: c, verdict, reply, tools };
  };
}
