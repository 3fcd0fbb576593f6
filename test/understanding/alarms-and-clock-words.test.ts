import { expect } from 'chai';
import { clockWordsToDigits } from '../../src/understanding/clock-words.js';
import { resetDb } from '../support/db.js';
import { dumpUser } from '../support/dump.js';
import { consoleMessage, makePipeline } from '../support/pipeline.js';

/** Mon 2026-11-30 10:00 in New York (the user says so first). */
const at = (minute: number) => ({ receivedAt: new Date(Date.UTC(2026, 10, 30, 15, minute)) });

describe('clock times in words', () => {
  const cases: [string, string][] = [
    ['set an alarm for five thirty', 'set an alarm for 5:30'],
    ["dinner at ten o'clock", 'dinner at 10:00'],
    ['remind me at half past six', 'remind me at 6:30'],
    ['meeting at quarter to ten', 'meeting at 9:45'],
    ['call at a quarter past twelve', 'call at 12:15'],
    ['lunch at seven pm', 'lunch at 7pm'],
    ['reminder sunday six p m put the bins out', 'reminder sunday 6pm put the bins out'],
    ['wake me at six thirty a.m. tomorrow', 'wake me at 6:30am tomorrow'],
    ['alarm for too p m', 'alarm for 2pm'],
    ['dinner 7 p m', 'dinner 7pm'],
    ['i am at home', 'i am at home'],
    ['two a month', 'two a month'],
    ['remind me in five twenty minutes', 'remind me in five twenty minutes'],
    ['table for two', 'table for two'],
  ];
  for (const [said, typed] of cases) it(`"${said}" → "${typed}"`, () => expect(clockWordsToDigits(said)).to.equal(typed));
});

describe('alarms are reminders at exactly the time asked', () => {
  beforeEach(resetDb);

  it('"alert me in three hours" is an alarm; with a task it is a reminder; "set reminder" asks what about', async () => {
    const handle = makePipeline();
    await handle(consoleMessage("i'm in new york", at(0)));
    expect((await handle(consoleMessage('alert me in three hours', at(1)))).reply).to.match(/⏰ Alarm — Mon Nov 30, 1:01 PM/);
    expect((await handle(consoleMessage('ping me at 4pm to call mom', at(2)))).reply).to.match(/⏰ Call mom — Mon Nov 30, 4:00 PM/);
    expect((await handle(consoleMessage('set reminder', at(3)))).reply).to.equal('What should I remind you about?');
    expect((await dumpUser()).reminders.map((r) => [r.text, r.dueAt])).to.deep.equal([
      ['Alarm', '2026-11-30T18:01:00.000Z'],
      ['Call mom', '2026-11-30T21:00:00.000Z'],
    ]);
  });

  it('sets, lists and cancels an alarm', async () => {
    const handle = makePipeline();
    await handle(consoleMessage("i'm in new york", at(0)));
    const set = await handle(consoleMessage('set an alarm for six thirty tomorrow', at(1)));
    expect(set.reply).to.match(/⏰ Alarm — Tue Dec 1, 6:30 AM/);
    const wake = await handle(consoleMessage('wake me up at 7 on friday', at(2)));
    expect(wake.reply).to.match(/Wake up — Fri Dec 4, 7:00 AM/);
    expect((await dumpUser()).reminders.map((r) => [r.text, r.dueAt])).to.deep.equal([
      ['Alarm', '2026-12-01T11:30:00.000Z'],
      ['Wake up', '2026-12-04T12:00:00.000Z'],
    ]);
    expect((await handle(consoleMessage('what alarms do i have', at(3)))).reply).to.match(/Alarm[\s\S]*Wake up/);
    await handle(consoleMessage('cancel my alarm', at(4)));
    expect((await dumpUser()).reminders.map((r) => [r.text, r.status])).to.deep.equal([['Alarm', 'cancelled'], ['Wake up', 'pending']]);
  });
});
