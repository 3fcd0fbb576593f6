import { expect } from 'chai';
import { parseWhen, resolveLocal, resolveWhen } from '../src/understanding/dates.js';
import { parseDayRange } from '../src/understanding/date-range.js';
import { findImpossibleDate } from '../src/understanding/impossible-date.js';
import { normalizeText } from '../src/understanding/normalize.js';
import { buildRRule, describeRRule, nextOccurrence } from '../src/understanding/recurrence.js';
import { parseSchedule } from '../src/understanding/schedule.js';

const NY = 'America/New_York';
const MON_2PM = { now: new Date('2026-11-23T19:00:00Z'), timezone: NY };

function occurrences(rrule: string, from: string, n: number, zone = NY): string[] {
  const out: string[] = [];
  let t = new Date(from);
  for (let i = 0; i < n; i++) {
    t = nextOccurrence(rrule, zone, t)!;
    out.push(t.toISOString());
  }
  return out;
}

describe('dates: wall-clock times in the user zone', () => {
  it('resolves local wall time across both DST changes in New York', () => {
    expect(resolveLocal('2026-10-31', '09:00', NY).toISOString()).to.equal('2026-10-31T13:00:00.000Z');
    expect(resolveLocal('2026-11-01', '09:00', NY).toISOString()).to.equal('2026-11-01T14:00:00.000Z');
    expect(resolveLocal('2027-03-13', '09:00', NY).toISOString()).to.equal('2027-03-13T14:00:00.000Z');
    expect(resolveLocal('2027-03-14', '09:00', NY).toISOString()).to.equal('2027-03-14T13:00:00.000Z');
    // 2:30 does not exist on 2027-03-14: it moves forward by the gap.
    expect(resolveLocal('2027-03-14', '02:30', NY).toISOString()).to.equal('2027-03-14T07:30:00.000Z');
  });

  it('parses relative to the message time, never the server clock', () => {
    const when = parseWhen(normalizeText('tmrw @ 5'), MON_2PM);
    expect(when).to.include({ date: '2026-11-24', time: '17:00' });
    const sydney = parseWhen('tomorrow at 9', { now: new Date('2026-11-23T19:00:00Z'), timezone: 'Australia/Sydney' });
    expect(sydney).to.include({ date: '2026-11-25', time: '09:00' });
  });

  it('gives a time with no date the next such time', () => {
    expect(parseWhen('at 9', MON_2PM)).to.include({ date: '2026-11-23', time: '21:00' });
    expect(parseWhen('at 9am', MON_2PM)).to.include({ date: '2026-11-24', time: '09:00' });
    expect(parseWhen('noon', MON_2PM)).to.include({ date: '2026-11-24', time: '12:00' });
    expect(resolveWhen({ time: '13:00' }, MON_2PM)!.toISOString()).to.equal('2026-11-24T18:00:00.000Z');
  });

  it('reads texting times', () => {
    const cases: [string, object][] = [
      ['@ 930', { time: '21:30' }], ['tmrw @ 930', { date: '2026-11-24', time: '09:30' }], ['at 5p', { time: '17:00' }], ['eod', { time: '17:00' }], ['tonight', { date: '2026-11-23', time: '20:00' }],
      ['this evening', { time: '18:00' }], ['in 20 min', { inMinutes: 20 }], ['in an hour and a half', { inMinutes: 90 }],
      ['next fri', { date: '2026-11-27' }], ['the 3rd', { date: '2026-12-03' }], ['quarter to 5', { time: '16:45' }],
    ];
    for (const [text, expected] of cases) expect(parseWhen(normalizeText(text), MON_2PM), text).to.include(expected);
  });

  it('keeps words that only look like times in the remaining text', () => {
    expect(parseWhen('plan the week', MON_2PM)).to.include({ found: false, rest: 'plan the week' });
    expect(parseWhen('game night friday at 7', MON_2PM)).to.include({ rest: 'game night', time: '19:00', date: '2026-11-27' });
  });

  it('names dates the calendar does not have, and only those', () => {
    const said = (text: string, ctx = MON_2PM) => findImpossibleDate(text, ctx)?.message ?? null;
    expect(said('remind me on feb 30')).to.equal('February has no 30th');
    expect(said('the 31st of april')).to.equal('April has no 31st');
    expect(said('dentist 9/31 at 3')).to.equal('September has no 31st');
    expect(said('feb 29')).to.equal('February 2027 has no 29th');
    expect(said('feb 29', { now: new Date('2028-01-10T12:00:00Z'), timezone: NY })).to.equal(null);
    for (const fine of ['feb 29 2028', 'may 31', 'march 31st', '12/31', 'jan 32', 'may i have 30 minutes', 'on the 31st']) expect(said(fine), fine).to.equal(null);
    expect(findImpossibleDate('remind me on april 31 at 9 to pay rent', MON_2PM)?.rest).to.equal('remind me on at 9 to pay rent');
  });

  it('reads day ranges for calendar questions', () => {
    expect(parseDayRange('this week', MON_2PM)).to.deep.equal({ from: '2026-11-23', to: '2026-11-29', label: 'this week' });
    expect(parseDayRange('next week', MON_2PM)).to.deep.equal({ from: '2026-11-30', to: '2026-12-06', label: 'next week' });
    expect(parseDayRange('this weekend', MON_2PM)).to.deep.equal({ from: '2026-11-28', to: '2026-11-29', label: 'this weekend' });
    expect(parseDayRange('friday', MON_2PM)).to.deep.equal({ from: '2026-11-27', to: '2026-11-27' });
  });
});

describe('recurrence: RRULE with a local DTSTART', () => {
  it('stores local wall time with the zone', () => {
    expect(buildRRule({ freq: 'weekly', weekdays: ['MO'] }, { date: '2026-11-23', time: '09:00' }, NY)).to.equal(
      'DTSTART;TZID=America/New_York:20261123T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO',
    );
  });

  it('stores floating wall time without a zone: it is expanded in whatever zone the user is in', () => {
    const rule = buildRRule({ freq: 'weekly', weekdays: ['MO'] }, { date: '2026-11-23', time: '09:00' }, null);
    expect(rule).to.equal('DTSTART:20261123T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO');
    expect(occurrences(rule, '2026-11-23T19:00:00Z', 1)).to.deep.equal(['2026-11-30T14:00:00.000Z']);
    expect(occurrences(rule, '2026-11-23T19:00:00Z', 1, 'Europe/Paris')).to.deep.equal(['2026-11-30T08:00:00.000Z']);
    const pinned = buildRRule({ freq: 'weekly', weekdays: ['MO'] }, { date: '2026-11-23', time: '09:00' }, 'Europe/London');
    expect(occurrences(pinned, '2026-11-23T19:00:00Z', 1, 'Europe/Paris')).to.deep.equal(['2026-11-30T09:00:00.000Z']);
  });

  it('keeps 8:00 local across the fall-back change (2026-11-01)', () => {
    const rule = buildRRule({ freq: 'daily' }, { date: '2026-10-30', time: '08:00' }, NY);
    expect(occurrences(rule, '2026-10-30T13:00:00Z', 4)).to.deep.equal([
      '2026-10-31T12:00:00.000Z', '2026-11-01T13:00:00.000Z', '2026-11-02T13:00:00.000Z', '2026-11-03T13:00:00.000Z',
    ]);
  });

  it('keeps 9:00 local across the spring-forward change (2027-03-14)', () => {
    const rule = buildRRule({ freq: 'weekly', weekdays: ['SA', 'SU'] }, { date: '2027-03-01', time: '09:00' }, NY);
    expect(occurrences(rule, '2027-03-12T00:00:00Z', 4)).to.deep.equal([
      '2027-03-13T14:00:00.000Z', '2027-03-14T13:00:00.000Z', '2027-03-20T13:00:00.000Z', '2027-03-21T13:00:00.000Z',
    ]);
  });

  it('moves a time skipped by spring-forward to just after the gap, then back to normal', () => {
    const rule = buildRRule({ freq: 'daily' }, { date: '2027-03-12', time: '02:30' }, NY);
    expect(occurrences(rule, '2027-03-13T00:00:00Z', 3)).to.deep.equal([
      '2027-03-13T07:30:00.000Z', '2027-03-14T07:30:00.000Z', '2027-03-15T06:30:00.000Z',
    ]);
  });

  it('never returns the same instant twice on the repeated fall-back hour', () => {
    const rule = buildRRule({ freq: 'daily' }, { date: '2026-10-30', time: '01:30' }, NY);
    const got = occurrences(rule, '2026-10-31T00:00:00Z', 3);
    expect(new Set(got).size).to.equal(3);
    expect(got[1]).to.match(/^2026-11-01T0[56]:30:00.000Z$/);
  });

  it('handles month ends and leap day with the last-day rule', () => {
    const rule = buildRRule({ freq: 'monthly', monthDay: -1 }, { date: '2027-12-01', time: '09:00' }, NY);
    expect(occurrences(rule, '2028-01-01T00:00:00Z', 3)).to.deep.equal([
      '2028-01-31T14:00:00.000Z', '2028-02-29T14:00:00.000Z', '2028-03-31T13:00:00.000Z',
    ]);
    expect(describeRRule(rule)).to.equal('on the last day of every month');
  });

  it('expands every 2 weeks on friday from the first friday', () => {
    const rule = buildRRule({ freq: 'weekly', interval: 2, weekdays: ['FR'] }, { date: '2026-11-23', time: '09:00' }, NY);
    expect(occurrences(rule, '2026-11-23T19:00:00Z', 3)).to.deep.equal([
      '2026-11-27T14:00:00.000Z', '2026-12-11T14:00:00.000Z', '2026-12-25T14:00:00.000Z',
    ]);
  });

  it('reads recurrence phrases', () => {
    const cases: [string, object][] = [
      ['every monday at 9', { freq: 'weekly', weekdays: ['MO'] }],
      ['every 2 weeks on friday', { freq: 'weekly', interval: 2, weekdays: ['FR'] }],
      ['every weekday at 7:30am', { freq: 'weekly', weekdays: ['MO', 'TU', 'WE', 'TH', 'FR'] }],
      ['every day at 8', { freq: 'daily' }],
      ['every month on the 1st', { freq: 'monthly', monthDay: 1 }],
      ['on the 15th of every month', { freq: 'monthly', monthDay: 15 }],
      ['every other tuesday', { freq: 'weekly', interval: 2, weekdays: ['TU'] }],
    ];
    for (const [text, repeat] of cases) expect(parseSchedule(text, MON_2PM).repeat, text).to.deep.equal(repeat);
    expect(parseSchedule('every weekday at 7:30am', MON_2PM).time).to.equal('07:30');
    expect(parseSchedule('every day at 8', MON_2PM).time).to.equal('08:00');
  });
});
