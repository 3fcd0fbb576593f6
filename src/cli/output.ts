import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** The reader went away (`| head`): the output is over, which is not a failure. */
export function isClosedOutput(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

/** Writes to `stream`, waiting for it to drain when it is full, so a long dump or replay streams in bounded memory. */
export function writerTo(stream: Writable): (chunk: string) => Promise<void> {
  stream.on('error', (err) => {
    if (!isClosedOutput(err)) throw err;
  });
  return async (chunk) => {
    if (stream.destroyed) throw Object.assign(new Error('output closed'), { code: 'ERR_STREAM_DESTROYED' });
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
}

export const jsonLine = (value: unknown): string => `${JSON.stringify(value)}\n`;
