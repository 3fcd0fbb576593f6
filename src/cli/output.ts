import { once } from 'node:events';

/** Writes to `stream`, waiting for it to drain when it is full, so a long dump or replay streams in bounded memory. */
export function writerTo(stream: NodeJS.WritableStream): (chunk: string) => Promise<void> {
  return async (chunk) => {
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
}

export const jsonLine = (value: unknown): string => `${JSON.stringify(value)}\n`;
