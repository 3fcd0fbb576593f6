import { readReplayLine, type CliMessage } from './inputs.js';
import { jsonLine } from './output.js';

export interface ReplayDeps {
  /** The reply a person would get to `message` (errors included). */
  ask(message: CliMessage): Promise<string>;
  write(chunk: string): Promise<void>;
  now?: () => Date;
}

/** One output line per non-blank input line, in order: {"from","text","reply"}, or {"error"} for a line that is not a message. */
export async function replayLines(deps: ReplayDeps, lines: AsyncIterable<string>): Promise<void> {
  for await (const line of lines) {
    if (!line.trim()) continue;
    const read = readReplayLine(line, deps.now);
    const output = read.ok ? { from: read.given.from, text: read.message.text, reply: await deps.ask(read.message) } : read.output;
    await deps.write(jsonLine(output));
  }
}
