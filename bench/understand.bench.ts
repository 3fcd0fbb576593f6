import { performance } from 'node:perf_hooks';
import { toolModules } from '../src/tools/index.js';
import { createRulesUnderstander } from '../src/understanding/rules.js';
import type { UnderstandContext } from '../src/understanding/types.js';

/**
 * Messages per second through `understand` (rules, no database) over a realistic mix of texts:
 * reminders, calendar, lists and cancels, small talk and requests for other tools. One process, one core.
 *   npm run bench:understand [-- --seconds 5]
 */
const MIX = [
  'remind me to call the dentist tmrw at 10', 'Remind me 2moro @ 5pm to pick up the kids 🙏', 'remind me in 20 min to check the oven',
  'remind me every monday at 9 to take out the trash', 'remind me every weekday at 7:30am to take my meds', 'pls remind me at 9 to take out the trash',
  'remind me to call the dentist', 'tomorrow 10am', 'dont let me forget to buy milk tonight', 'remind me on the 1st to pay rent',
  'call mom tomorrow at 6', 'my reminders', 'cancel 2', 'cancel the dentist reminder', 'done', 'snooze 15 min', 'snooze till tomorrow',
  "Lunch with Sam friday at 1 at Joe's Cafe", 'add dentist to my calendar tuesday at 3pm', 'schedule meeting with bob tomorrow 2-3pm',
  "what's on tomorrow", 'whats on this week', 'my schedule friday', "what's next", 'move dentist to 3pm', 'reschedule lunch to friday',
  'delete dentist from my calendar', 'yoga class tmrw 6pm for 90 min', 'moms bday saturday all day', 'am i free saturday',
  'help', 'thanks', 'hi', 'add milk, 2 dozen eggs and a loaf of bread', 'spent 12.50 on lunch', 'uber 23.10', 'what can you do',
  'my timezone is Chicago', 'ok', 'lol', 'fly me to the moon',
];

async function main(): Promise<void> {
  const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 3;
  const understander = createRulesUnderstander(toolModules);
  const base = Date.parse('2026-11-23T19:00:00Z');
  const ctx = (i: number): UnderstandContext => ({ now: new Date(base + (i % 977) * 3_600_000), timezone: 'America/New_York', defaultCurrency: 'USD' });
  for (let i = 0; i < 2_000; i++) await understander.understand(MIX[i % MIX.length]!, ctx(i));
  let n = 0;
  const kinds: Record<string, number> = {};
  const started = performance.now();
  const deadline = started + seconds * 1000;
  while (performance.now() < deadline) {
    for (let j = 0; j < MIX.length; j++, n++) {
      const u = await understander.understand(MIX[j]!, ctx(n));
      kinds[u.kind] = (kinds[u.kind] ?? 0) + 1;
    }
  }
  const elapsed = (performance.now() - started) / 1000;
  const rate = Math.round(n / elapsed);
  process.stdout.write(`${JSON.stringify({ messages: n, seconds: Number(elapsed.toFixed(2)), messagesPerSecond: rate, microsPerMessage: Number((1e6 / rate).toFixed(1)), mix: MIX.length, kinds, node: process.version })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
