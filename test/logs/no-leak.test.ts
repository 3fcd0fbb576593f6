import { expect } from 'chai';
import { z } from 'zod';
import { User } from '../../src/entities/index.js';
import { errorSummary } from '../../src/errors.js';
import { enqueueOutbound } from '../../src/outbox/enqueue.js';
import { SORRY_REPLY } from '../../src/pipeline/replies.js';
import { defineTool, type ToolModule } from '../../src/tools/types.js';
import { resetDb, testDb } from '../support/db.js';
import { captureLogs } from '../support/log-capture.js';
import { sql } from '../support/pipeline.js';
import { PERSON, startSms, twimlMessages } from '../support/sms.js';
import { ADA, contactUpdate, startTelegramErrand, textUpdate } from '../support/telegram.js';

const SECRET_TEXT = 'the locker code is 4417 behind the blue door';
const TELEGRAM_PHONE = '+15557650002';

/** A tool whose insert always breaks the unique phone number: a real driver error carrying SQL, values and detail. */
const leakyModule: ToolModule = {
  name: 'secret',
  tools: [
    defineTool({
      name: 'secret.keep',
      description: 'copies the text onto a second user row with the same phone number',
      schema: z.object({ text: z.string() }),
      execute: async ({ text }, ctx) => {
        await ctx.em.insert(User, { phoneNumber: ctx.user.phoneNumber, name: text, timezone: 'UTC' });
        return { ok: true, reply: 'kept' };
      },
    }),
  ],
  rules: [
    {
      name: 'keep',
      match: ({ raw }) => {
        const m = /^keep (.+)$/i.exec(raw);
        return m ? { kind: 'tools', calls: [{ tool: 'secret.keep', args: { text: m[1] } }] } : null;
      },
    },
  ],
};

/** The number in any spelling (+15551230001, 15551230001, 5551230001, 555-123-0001); masked forms pass. */
function phonePattern(phone: string): RegExp {
  const national = phone.replace(/^\+1/, '');
  return new RegExp(`${national.slice(0, 3)}\\D{0,2}${national.slice(3, 6)}\\D?${national.slice(6)}`);
}

function expectNothingLeaked(logs: string, phone: string): void {
  expect(logs, 'a phone number was logged').not.to.match(phonePattern(phone));
  expect(logs, 'the message text was logged').not.to.include('locker code');
  expect(logs, 'an SQL statement was logged').not.to.match(/insert into/i);
  expect(logs, 'a stack trace was logged').not.to.match(/(\\n|\n)\s+at\s|"stack"/);
}

/** The JSON line whose message is `message`, as written. */
function entry(logs: string, message: string): string {
  const line = logs.split('\n').find((l) => l && (JSON.parse(l) as { message?: string }).message === message);
  expect(line, `no "${message}" entry`).to.be.a('string');
  return line!;
}

const failedInsert = () => testDb().orm.em.fork().insert(User, { phoneNumber: PERSON, name: SECRET_TEXT, timezone: 'UTC' }).then(
  () => expect.fail('the insert should have broken the unique phone number'),
  (err: unknown) => err as Error,
);

describe('logs: no phone numbers, message text, SQL values or stacks above debug', () => {
  beforeEach(resetDb);

  it('SMS: a tool failing mid-message on a unique violation and a failing outbound send', async () => {
    const logs = captureLogs('info');
    const sms = await startSms({ logger: logs.logger, modules: [leakyModule] });
    try {
      const res = await sms.inbound(`keep ${SECRET_TEXT}`);
      expect(twimlMessages(res.body)).to.deep.equal([SORRY_REPLY]);
      sms.twilio.failNext({ status: 400, code: 21211, message: `The 'To' number ${PERSON} is not a valid phone number.` });
      const [user] = await sql<{ id: number }>('select id from users where phone_number = $1', [PERSON]);
      await enqueueOutbound(testDb().orm.em.fork(), { userId: user!.id, body: SECRET_TEXT, kind: 'reminder', notBefore: sms.clock.now() });
      expect(await sms.errand.dispatcher.drain()).to.include({ dead: 1 });
    } finally {
      await sms.stop();
    }
    const text = logs.text();
    expect(entry(text, 'message failed')).to.match(/UniqueConstraintViolation/);
    expect(entry(text, 'delivery failed')).to.match(/21211/);
    expectNothingLeaked(text, PERSON);
  });

  it('Telegram: a tool failure and a database failure that escapes to the error boundary', async () => {
    const logs = captureLogs('info');
    const h = await startTelegramErrand({
      mode: 'webhook',
      modules: [leakyModule],
      logger: logs.logger,
      wrapDeps: (deps) => ({
        ...deps,
        handleInbound: async (message) => {
          const row = { phoneNumber: message.phone, name: message.text, timezone: 'UTC' };
          if (message.text.startsWith('crash')) await deps.orm.em.fork().insert(User, row);
          return deps.handleInbound(message);
        },
      }),
    });
    try {
      await h.post(contactUpdate(1, { phone_number: TELEGRAM_PHONE, user_id: ADA.id }));
      await h.post(textUpdate(2, `keep ${SECRET_TEXT}`));
      await h.post(textUpdate(3, `crash ${SECRET_TEXT}`));
      await h.settle();
      expect(h.fake.sent().slice(-2).map((c) => c.payload.text)).to.deep.equal([SORRY_REPLY, SORRY_REPLY]);
    } finally {
      await h.close();
    }
    const text = logs.text();
    expect(entry(text, 'message failed')).to.match(/UniqueConstraintViolation/);
    expect(entry(text, 'telegram update failed')).to.match(/UniqueConstraintViolation/);
    expectNothingLeaked(text, TELEGRAM_PHONE);
  });

  it('a driver error handed to the logger as it is, in any of the usual ways', async () => {
    await sql('insert into users (phone_number) values ($1)', [PERSON]);
    const err = await failedInsert();
    const logs = captureLogs('info');
    logs.logger.error(err);
    logs.logger.error('insert failed', err);
    logs.logger.error('insert failed', { error: err });
    logs.logger.warn('insert failed', { context: { attempts: [{ error: err }] }, cause: err });
    const child = logs.logger.child({ channel: 'sms' });
    child.error(err);
    child.error('insert failed', err);
    const text = logs.text();
    expect(text.trim().split('\n')).to.have.length(6);
    expect(text).to.include('23505');
    expectNothingLeaked(text, PERSON);
  });

  it('masks the values a server message quotes, and phone numbers in any error message', async () => {
    const err = await sql('select $1::int', [SECRET_TEXT]).then(() => expect.fail('not an integer'), (e: unknown) => e);
    expect(errorSummary(err)).to.match(/\[22P02\]: invalid input syntax for type integer: "…"$/);
    const provider = new Error(`The 'To' number +15551230001 (also 555-123-0001, (555) 123-0001) is not valid`);
    expect(errorSummary(provider)).to.equal(`Error: The 'To' number +1555***0001 (also ***0001, ***0001) is not valid`);
    const harmless = new Error('message SM00000000000000000000000000000f1 at 2026-11-23T14:00:00Z, attempt 3 of 6');
    expect(errorSummary(harmless)).to.equal(`Error: ${harmless.message}`);
  });

  it('keeps SQL and stacks for LOG_LEVEL=debug', async () => {
    await sql('insert into users (phone_number) values ($1)', [PERSON]);
    const err = await failedInsert();
    const logs = captureLogs('debug');
    logs.logger.error('insert failed', { error: err });
    expect(logs.text()).to.match(/insert into/i).and.to.include('locker code').and.to.match(/"stack"/);
  });
});
