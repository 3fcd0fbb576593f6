import { expect } from 'chai';
import { parseWhen } from '../../src/understanding/dates.js';
import { dateWordsToDigits } from '../../src/understanding/date-words.js';
import { normalizeText } from '../../src/understanding/normalize.js';
import { multiplyPerUnit } from '../../src/tools/expense/expense.per-unit.js';

/** Mon 2026-11-30 10:00 in New York. */
const CTX = { now: new Date('2026-11-30T15:00:00Z'), timezone: 'America/New_York' };
const when = (text: string) => parseWhen(normalizeText(text), CTX);

describe('understanding: dates, times and lengths said in words', () => {
  it('reads days, ordinals and years said in words next to a month', () => {
    const cases: [string, object][] = [
      ['april twenty', { date: '2027-04-20', rest: '' }],
      ['march twenty two', { date: '2027-03-22' }],
      ['on the twenty first', { date: '2026-12-21' }],
      ['the twenty-third at 5pm', { date: '2026-12-23', time: '17:00' }],
      ['twenty second of march twenty seventeen', { date: '2017-03-22' }],
      ['on the 22nd of june', { date: '2027-06-22' }],
      ['feb four at two pm', { date: '2027-02-04', time: '14:00' }],
      ['july three', { date: '2027-07-03' }],
      ['december thirty first', { date: '2026-12-31' }],
      ['on may first', { date: '2027-05-01' }],
      ['june 5th two thousand and twenty eight', { date: '2028-06-05' }],
    ];
    for (const [text, expected] of cases) expect(when(text), text).to.include(expected);
  });

  it('reads holidays on a fixed day as that day, but not in a name ("christmas party"), and "last tuesday" as gone by', () => {
    const cases: [string, object][] = [
      ['on christmas eve at 2pm', { date: '2026-12-24', time: '14:00', rest: '' }],
      ['on christmas to call grandma', { date: '2026-12-25', rest: 'to call grandma' }],
      ["new year's eve", { date: '2026-12-31' }],
      ['before valentines day', { date: '2027-02-14' }],
      ['the christmas party on the 19th', { date: '2026-12-19', rest: 'the christmas party' }],
      ['lunch with sam last tuesday', { date: '2026-11-24', rest: 'lunch with sam' }],
      ['last monday', { date: '2026-11-23' }],
    ];
    for (const [text, expected] of cases) expect(when(text), text).to.include(expected);
  });

  it('reads clock times said aloud', () => {
    expect(when('alarm for one hundred and thirty')).to.include({ time: '01:30' });
    expect(when('at six hundred hours')).to.include({ time: '06:00' });
    expect(when('tomorrow evening by seven')).to.include({ date: '2026-12-01', time: '19:00' });
    expect(when('seven fifteen am')).to.include({ time: '07:15' });
    expect(when('alarm for seven')).to.include({ date: '2026-12-01', time: '07:00' });
    expect(when('pick me up by twelve noon')).to.include({ time: '12:00', rest: 'pick me up' });
  });

  it('leaves number and ordinal words that are no date alone', () => {
    for (const text of ['one more thing', 'remove the second item', 'the first time i saw it', 'paid one hundred dollars for it']) {
      expect(dateWordsToDigits(text), text).to.equal(text);
    }
    expect(when('remove the second item')).to.include({ found: false });
  });

  it('takes an event\'s length with its lead-in, so the title keeps none of it', () => {
    expect(when('team sync tuesday at 3, should take about 30 min')).to.include({ durationMinutes: 30, rest: 'team sync' });
    expect(when('review at 2, it will last an hour and a half')).to.include({ durationMinutes: 90, rest: 'review' });
    expect(when('a 45 minute call friday at 1')).to.include({ durationMinutes: 45, rest: 'a call' });
    expect(when('dentist at 2, about an hour long')).to.include({ durationMinutes: 60, rest: 'dentist' });
    expect(when('practice on feb 4 at 2pm for dan')).to.include({ date: '2027-02-04', rest: 'practice for dan' });
  });

  it('multiplies a price per thing by its count, exactly', () => {
    expect(multiplyPerUnit('2 movie tickets, $14.50 each', 'USD')).to.equal('movie tickets usd 29.00');
    expect(multiplyPerUnit('3 x 0.10 stamps', 'USD')).to.equal('0.30 stamps');
    expect(multiplyPerUnit('7 bagels at 1.15 apiece', 'USD')).to.equal('bagels 8.05');
    expect(multiplyPerUnit('spent $30 on 2 pizzas', 'USD')).to.equal('spent $30 on 2 pizzas');
  });
});
