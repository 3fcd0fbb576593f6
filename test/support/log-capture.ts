import { Writable } from 'node:stream';
import winston from 'winston';
import { createLogger, type Logger } from '../../src/logger.js';

export interface CapturedLogs {
  logger: Logger;
  /** Everything written so far, as the console would have shown it. */
  text(): string;
}

/** A logger built as production builds it (JSON lines at `level`), writing to memory instead of the console. */
export function captureLogs(level = 'info'): CapturedLogs {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger({ level, json: true });
  logger.clear().add(new winston.transports.Stream({ stream }));
  return { logger, text: () => chunks.join('') };
}
