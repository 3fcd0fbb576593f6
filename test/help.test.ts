import { expect } from 'chai';
import { toolModules } from '../src/tools/index.js';
import { createRulesUnderstander } from '../src/understanding/rules.js';
import { resetDb } from './support/db.js';
import { consoleMessage, makePipeline } from './support/pipeline.js';

const MON_2PM = { now: new Date('2026-11-23T19:00:00Z'), timezone: 'America/New_York', defaultCurrency: 'USD' };

describe('help: what each topic can do', () => {
  beforeEach(resetDb);

  it('"help reminders" shows the range reminders cover: one-off, in N min, recurring, list, cancel, done, snooze', async () => {
    const reply = (await makePipeline()(consoleMessage('help reminders'))).reply!;
    for (const re of [/tmrw at 10/, /in 20 min/, /every monday at 9/, /^• reminders$/m, /cancel 2/, /^• done$/m, /snooze 15 min/]) expect(reply).to.match(re);
  });

  it('"help calendar" shows adding, all-day events, day and week questions, what\'s next, moving and deleting', async () => {
    const reply = (await makePipeline()(consoleMessage('help calendar'))).reply!;
    for (const re of [/Joe's Cafe/, /all day/, /what's on tomorrow/, /this week/, /what's next/, /move dentist/, /delete dentist/]) expect(reply).to.match(re);
  });

  it('every topic has a "help <topic>" answer listing all its examples, and HELP names every topic', async () => {
    const handle = makePipeline();
    const help = (await handle(consoleMessage('help'))).reply!;
    for (const module of toolModules.filter((m) => m.examples?.length)) {
      const reply = (await handle(consoleMessage(`help ${module.name}`))).reply!;
      for (const example of module.examples!) expect(reply, module.name).to.include(`• ${example}`);
      expect(help, `HELP names ${module.name}`).to.include(module.name);
    }
    expect(help.length, 'HELP fits one SMS part').to.be.at.most(320);
  });

  it('every example in help is understood as a call to its own topic\'s tools', async () => {
    const understander = createRulesUnderstander(toolModules);
    for (const module of toolModules) {
      const names = new Set(module.tools.map((t) => t.name));
      for (const example of module.examples ?? []) {
        const u = await understander.understand(example, MON_2PM);
        const tools = u.kind === 'tools' ? u.calls.map((c) => c.tool) : [u.kind];
        // references.* pick the row among every topic's and hand over to that topic's tool.
        expect(tools.every((t) => names.has(t) || t.startsWith('references.')), `"${example}" → ${tools.join(', ')}`).to.equal(true);
      }
    }
  });
});
