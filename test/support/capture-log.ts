import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../kernel/log/create-logger.ts';

/** A real pino logger whose lines are kept in memory, so tests can inspect (and search for leaked secrets in) them. */
export function captureLog(level = 'debug'): { log: Logger; lines: string[]; text: () => string } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  const log = createLogger(level, sink);
  return { log, lines, text: () => lines.join('\n') };
}
