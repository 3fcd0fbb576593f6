import readline from 'node:readline/promises';
import { CHAT_USAGE, parseChatArgs, UsageError } from './cli/args.js';
import { ConfigError, createConfig, loadDotEnv } from './config.js';
import { DataDirLockedError } from './db/dir-lock.js';
import { StartupError } from './startup-error.js';
import type { ChannelFactory } from './channels/types.js';
import { replyForError } from './errors.js';
import { createLogger } from './logger.js';
import { toE164 } from './phone.js';

/** `npm run chat -- --from +15555550123`: talk to Errand in the terminal through the same pipeline. */
async function main(argv: string[]): Promise<void> {
  const command = parseChatArgs(argv);
  if (command.name === 'help') return void process.stdout.write(CHAT_USAGE);
  const phone = toE164(command.from);
  if (!phone) throw new UsageError(`--from: expected a phone number such as +15555550123 (got ${JSON.stringify(command.from)})`);
  loadDotEnv();
  const config = createConfig();
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn', toStderr: true });
  let rl: readline.Interface | undefined;
  const say = (text: string) => console.log(`errand> ${text.replace(/\n/g, '\n        ')}`);
  const terminal: ChannelFactory = {
    id: 'console',
    create: () => ({
      id: 'console',
      textLimit: 10_000,
      send: async (to, text) => {
        if (to === phone) {
          process.stdout.write('\n');
          say(text);
          rl?.prompt(true);
        }
        return {};
      },
    }),
  };
  const { createErrand } = await import('./errand.js'); // after --from is checked: a typo is answered at once
  const errand = await createErrand({ config, logger, channels: [terminal] });
  // Reminders due while chatting show up here. Only on the embedded database: it belongs to this process,
  // whereas a shared server's notifications are the gateway's to send.
  if (config.schedulerEnabled && errand.db.mode === 'embedded') errand.scheduler.start();
  // Created only now: lines piped in before the loop starts would otherwise be lost.
  rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  console.log(`Chatting with Errand as ${phone} (${errand.db.mode} database). Type "help" for ideas, Ctrl-D to quit.`);
  rl.setPrompt('you> ');
  rl.prompt();
  for await (const line of rl) {
    try {
      const result = await errand.handleInbound({ channel: 'console', phone, text: line, receivedAt: new Date() });
      if (result.reply) say(result.reply);
    } catch (err) {
      say(replyForError(err));
    }
    rl.prompt();
  }
  await errand.stop();
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) console.error(`${err.message}\n\n${CHAT_USAGE}`);
  else if (err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof StartupError) console.error(err.message);
  else console.error('Chat failed:', err);
  process.exit(err instanceof UsageError ? 2 : 1);
});
