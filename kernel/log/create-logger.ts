import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

// Field paths that may carry credentials; pino replaces their values before anything is written.
const REDACT = [
  'token',
  'secret',
  'password',
  'authorization',
  'headers.authorization',
  'headers.cookie',
  'headers["x-hub-signature"]',
  'headers["x-hub-signature-256"]',
  '*.token',
  '*.secret',
  '*.authorization',
];

/** Creates the structured (JSON) logger; tests pass a destination stream to capture and inspect the lines. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'magnolia' },
    redact: { paths: REDACT, censor: '***' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}
