import { expect } from 'chai';
import { resetDb } from '../support/db.js';
import { dumpUser } from '../support/dump.js';
import { consoleMessage, makePipeline } from '../support/pipeline.js';

/** Mon 2026-11-30 10:00 in New York. */
const NOW = new Date('2026-11-30T15:00:00Z');
const NY = { DEFAULT_TIMEZONE: 'America/New_York' };

describe('spoken and wordy requests, through the pipeline', () => {
  beforeEach(resetDb);
  const pipeline = () => makePipeline({ env: NY });
  const send = async (text: string, run = pipeline()) => (await run(consoleMessage(text, { receivedAt: NOW }))).reply ?? '';

  it('reads times a speech transcript splits ("six p m", "seven thirty a m") and drops the wake word and fillers', async () => {
    await send('olly um reminder sunday six p m put the trash cans out');
    await send('hey assistant set an alarm for seven thirty a m tomorrow');
    const { reminders } = await dumpUser();
    expect(reminders.map((r) => [r.text, r.dueAt])).to.deep.equal([
      ['Alarm', '2026-12-01T12:30:00.000Z'],
      ['Put the trash cans out', '2026-12-06T23:00:00.000Z'],
    ]);
  });

  it('sets an alarm said without am/pm for its next time, and one "twenty minutes from now"', async () => {
    await send('alarm for 1:15 so i dont miss the call');
    await send('set an alarm for twenty minutes from now');
    const due = (await dumpUser()).reminders.map((r) => r.dueAt);
    expect(due).to.deep.equal(['2026-11-30T15:20:00.000Z', '2026-11-30T18:15:00.000Z']);
  });

  it('answers a question that starts with a filler and stores nothing', async () => {
    await send('remind me to call mom tomorrow at 6pm');
    const reply = await send('um wait did i already set a reminder to call my mom');
    expect(reply).to.match(/Call mom/);
    expect((await dumpUser()).reminders).to.have.length(1);
  });

  it('adds what "were out of" names, and asks what to add when the list is named alone', async () => {
    await send('were out of olive oil');
    const run = pipeline();
    expect(await send('add something to the shopping list', run)).to.equal('What should I add to your list?');
    expect(await send('paper towels and rice', run)).to.match(/Added paper towels, rice/);
    expect((await dumpUser()).groceryItems.map((i) => i.name)).to.have.members(['olive oil', 'paper towels', 'rice']);
  });

  it('sets quiet hours from one side said ("don\'t text me before 8am"), keeping the night\'s usual other side', async () => {
    expect(await send("dont text me b4 8am pls")).to.match(/Quiet hours 10:00 PM – 8:00 AM/);
    expect(await send("please don't send me anything after 11 p m")).to.match(/Quiet hours 11:00 PM – 7:00 AM/);
  });

  it('asks before putting a day gone by, or a name that runs on for a sentence, on the calendar', async () => {
    expect(await send('lunch with sam last tuesday')).to.match(/^Not sure I got that — should I put/);
    expect(await send('lunch with sam was so much fun last week')).not.to.match(/📅|should I put/);
    const long = await send('Sam has come down with the flu poor thing so our lunch on Friday is not going to be much fun at 1');
    expect(long).to.match(/^Not sure I got that/);
    expect((await dumpUser()).events).to.deep.equal([]);
  });

  it('does not schedule "now", and a roundabout ask is read as the request it wraps', async () => {
    await send('olly death metal now');
    await send('I wonder if you might remind me on Saturday at 10 am to return the casserole dish, I would be very grateful.');
    const { events, reminders } = await dumpUser();
    expect(events).to.deep.equal([]);
    expect(reminders.map((r) => [r.text, r.dueAt])).to.deep.equal([['Return the casserole dish', '2026-12-05T15:00:00.000Z']]);
  });

  it('reads the ask said after an event ("…, add it", "put it in my calendar") and a time range said "between"', async () => {
    await send('book club is sat at 4 at marias, add it');
    await send('plumber coming tmrw between 10 and 12 pls put it in my calendar');
    await send('were doing drinks w the team thurs night put it down');
    const events = (await dumpUser()).events.map((e) => [e.title, e.start, e.end]);
    expect(events).to.deep.equal([
      ['Plumber coming', '2026-12-01T15:00:00.000Z', '2026-12-01T17:00:00.000Z'],
      ["We're doing drinks with the team", '2026-12-04T01:00:00.000Z', '2026-12-04T02:00:00.000Z'],
      ['Book club', '2026-12-05T21:00:00.000Z', '2026-12-05T22:00:00.000Z'],
    ]);
  });

  it('sets an alarm whose day comes first ("sat alarm 8:30", "tomorrow alarm at 7")', async () => {
    await send('sat alarm 8:30 pls dont let me sleep thru soccer');
    await send('tomorrow alarm at 7');
    const due = (await dumpUser()).reminders.map((r) => [r.text, r.dueAt]);
    expect(due).to.deep.equal([['Alarm', '2026-12-01T12:00:00.000Z'], ['Alarm', '2026-12-05T13:30:00.000Z']]);
  });

  it('reads a long message one sentence at a time, taking the task the story tells when the ask has only a time', async () => {
    await send('My wife usually reminds me about these things but she is away. Could you remind me on Wednesday at 6pm to feed the cat?');
    await send("I'm supposed to renew my car registration before the end of the week. Maybe you could give me a reminder on Thursday at 10 in the morning?");
    await send("I'd like a little nudge tomorrow afternoon around 4 to water the plants, if you would be so kind.");
    const due = (await dumpUser()).reminders.map((r) => [r.text, r.dueAt]);
    expect(due).to.deep.equal([
      ['Water the plants', '2026-12-01T21:00:00.000Z'],
      ['Feed the cat', '2026-12-02T23:00:00.000Z'],
      ['Renew my car registration', '2026-12-03T15:00:00.000Z'],
    ]);
  });

  it('asks about a long message whose other sentence asks for what Errand cannot do', async () => {
    const reply = await send("We're out of coffee filters. Could you order some from Amazon so they arrive by Friday?");
    expect(reply).to.not.match(/Added|📅/);
    const { events, groceryItems } = await dumpUser();
    expect([events, groceryItems]).to.deep.equal([[], []]);
  });

  it('answers a question said as a statement ("I\'d like to know if…", "I\'m wondering whether…") and stores nothing', async () => {
    await send('remind me to call mom tomorrow at 6pm');
    const free = await send("I'd like to know if I'm free on Wednesday, my neighbour asked if I might help her move some furniture.");
    expect(free).to.match(/Wed Dec 2/);
    expect(await send("Before bed I just want to check whether I have any reminders coming up.")).to.match(/Call mom/);
    await send('remind me to find out whether the pharmacy is open tomorrow at 9');
    expect((await dumpUser()).reminders.map((r) => r.text)).to.deep.equal(['Find out whether the pharmacy is open', 'Call mom']);
  });

  it('reads the sentence that asks when the whole text gets only a hint, and drops a greeting sentence', async () => {
    expect(await send('Could you put butter and a bag of flour on the shopping list? I am planning to do some baking.')).to.match(/Added butter, flour/);
    expect(await send('Good morning. I would appreciate a reminder at 3:30 today to move the car.')).to.match(/Move the car — Mon Nov 30, 3:30 PM/);
    const friday = await send("I have a nagging feeling I've double-booked myself on Friday. Would you look at what I've got?");
    expect(friday).to.match(/Fri Dec 4|Nothing on your calendar/);
    expect((await dumpUser()).events).to.deep.equal([]);
  });

  it('sets an alarm asked for in passing, with the day said earlier, and never for "i dont need an alarm"', async () => {
    await send('My train leaves early on Thursday, so I would need an alarm at 4:15 in the morning, please.');
    await send('i dont need an alarm at 6 tomorrow');
    expect((await dumpUser()).reminders.map((r) => [r.text, r.dueAt])).to.deep.equal([['Alarm', '2026-12-03T09:15:00.000Z']]);
  });

  it('answers "could you tell me the quickest way…" as a question: no event from the sentence before it', async () => {
    await send('I have a meeting in town at 10 on Friday. Could you tell me the quickest way to get there by bus?');
    expect((await dumpUser()).events).to.deep.equal([]);
  });

  it('answers moving money and the weather honestly, storing nothing', async () => {
    expect(await send('move $5000 from checking to savings')).to.match(/^I can't move money/);
    expect(await send('send sam twenty dollars for lunch')).to.match(/^I can't move money/);
    expect(await send('is it going to rain on friday')).to.match(/^I can't check the weather/);
    const { events, expenses } = await dumpUser();
    expect([events, expenses]).to.deep.equal([[], []]);
  });

  it('asks what time for an alarm given only a day, and keeps the day when the answer is a time', async () => {
    const run = pipeline();
    expect(await send('I will need an alarm for Friday please, I have somewhere important to be.', run)).to.equal('What time should the alarm go off?');
    expect(await send('7am', run)).to.match(/Alarm — Fri Dec 4, 7:00 AM/);
    expect((await dumpUser()).reminders.map((r) => [r.text, r.dueAt])).to.deep.equal([['Alarm', '2026-12-04T12:00:00.000Z']]);
  });
});
