import { createErrand, type Errand } from '../../src/errand.js';
import { fixedClock } from '../../src/time.js';
import { testDb } from './db.js';
import { fakeChannel, type FakeChannel } from './fake-channel.js';
import { silentLogger, testConfig } from './fixtures.js';
import { sql } from './pipeline.js';

export const ALICE = '+15551230001';

export interface SchedulerHarness {
  errand: Errand;
  clock: ReturnType<typeof fixedClock>;
  sms: FakeChannel;
  /** A text from `phone` arriving now (the injected clock). */
  say(text: string, phone?: string): Promise<string | null>;
  /** Moves the clock to `at` and runs one tick; returns the bodies sent during it. */
  tickAt(at: string): Promise<string[]>;
  stop(): Promise<void>;
}

/** The whole service on the test database with an SMS fake and an injected clock; the scheduler starts at `startAt`. */
export async function schedulerHarness(startAt: string, env: Record<string, string> = {}, channel?: (clock: ReturnType<typeof fixedClock>) => FakeChannel): Promise<SchedulerHarness> {
  const clock = fixedClock(startAt);
  const sms = channel?.(clock) ?? fakeChannel('sms');
  const config = testConfig({ DEFAULT_TIMEZONE: 'America/New_York', ...env });
  const errand = await createErrand({ config, logger: silentLogger, db: testDb(), clock, channels: [{ id: 'sms', create: () => sms }] });
  let n = 0;
  return {
    errand,
    clock,
    sms,
    async say(text, phone = ALICE) {
      const result = await errand.handleInbound({ channel: 'sms', phone, text, providerMessageId: `SM${++n}`, receivedAt: clock.now() });
      return result.reply;
    },
    async tickAt(at) {
      clock.set(at);
      const before = sms.sent.length;
      await errand.scheduler.tick();
      return sms.sent.slice(before).map((s) => s.text);
    },
    stop: () => errand.stop(),
  };
}

export async function reminderRows(): Promise<{ text: string; status: string; due_at: string; last_sent_at: string | null }[]> {
  const rows = await sql<{ text: string; status: string; due_at: Date; last_sent_at: Date | null }>('select text, status, due_at, last_sent_at from reminders order by id');
  return rows.map((r) => ({ ...r, due_at: new Date(r.due_at).toISOString(), last_sent_at: r.last_sent_at && new Date(r.last_sent_at).toISOString() }));
}
