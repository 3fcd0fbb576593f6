import { expect } from 'chai';
import { toolModules } from '../../src/tools/index.js';
import { createRulesUnderstander } from '../../src/understanding/rules.js';

const understander = createRulesUnderstander(toolModules);
const ctx = { now: new Date('2026-11-23T14:00:00Z'), timezone: 'America/New_York', defaultCurrency: 'USD' };

const CASES: [string, object | null][] = [
  ['notify me 15 min before events', { eventAlerts: 15 }],
  ['Notify me half an hour before meetings', { eventAlerts: 30 }],
  ['alert me 1 hour before my appointments', { eventAlerts: 60 }],
  ['event alerts 10 minutes before', { eventAlerts: 10 }],
  ['no event alerts', { eventAlerts: 'off' }],
  ['turn off calendar notifications', { eventAlerts: 'off' }],
  ["don't notify me before events", { eventAlerts: 'off' }],
  ['turn on event alerts', { eventAlerts: 'default' }],
  ['send me my agenda every day at 7am', { agenda: { time: '07:00', evenWhenEmpty: false } }],
  ['Send me my agenda every morning at 6:30 even when empty', { agenda: { time: '06:30', evenWhenEmpty: true } }],
  ['text me my schedule every morning', { agenda: { time: '07:00', evenWhenEmpty: false } }],
  ['daily agenda at 8', { agenda: { time: '08:00', evenWhenEmpty: false } }],
  ['stop the daily agenda', { agenda: 'off' }],
  ['no more daily agenda', { agenda: 'off' }],
  ['quiet hours 11pm to 6am', { quietHours: { start: '23:00', end: '06:00' } }],
  ['quiet hours 10-7', { quietHours: { start: '22:00', end: '07:00' } }],
  ['set quiet hours from 21:30 to 06:45', { quietHours: { start: '21:30', end: '06:45' } }],
  ["don't text me between 11pm and 6am", { quietHours: { start: '23:00', end: '06:00' } }],
  ['no quiet hours', { quietHours: 'off' }],
  ['turn off quiet hours', { quietHours: 'off' }],
  // Not settings: left to the reminder and calendar rules.
  ['notify me at 5pm to call mom', null],
  ['remind me 15 min before the meeting', null],
  ['send me my agenda', null],
  ['remind me every day at 7am to send my agenda', null],
];

describe('notification settings by text (rules)', () => {
  for (const [text, args] of CASES) {
    it(`${text} → ${args ? JSON.stringify(args) : 'not a setting'}`, async () => {
      const u = await understander.understand(text, ctx);
      const call = u.kind === 'tools' ? u.calls[0] : undefined;
      if (args) expect(call).to.deep.equal({ tool: 'notifications.update', args });
      else expect(call?.tool).to.not.equal('notifications.update');
    });
  }

  for (const text of ['quiet hours 11pm to 11pm', 'quiet hours 23:00-23:00']) {
    it(`${text} → explains that start and end must differ, changes nothing and stores no event`, async () => {
      const u = await understander.understand(text, ctx);
      expect(u.kind).to.equal('reply');
      expect(u.kind === 'reply' && u.text).to.match(/differs from their start.*Nothing changed/);
    });
  }
});
