import type { IncomingMessage } from 'node:http';
import { DomainError } from '../../kernel/errors/domain-error.ts';

/**
 * Reads a request body as raw bytes, up to `limit`. With a Content-Length the bytes land in one buffer of their
 * own (no concatenation, and it can move to another thread without a copy); a larger declared or actual body is
 * refused with 413 before it is buffered.
 */
export function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
  const tooLarge = () =>
    new DomainError('too-large', 'payload_too_large', `the body is larger than ${Math.round(limit / 1024 / 1024)} MB`);
  if (declared !== undefined && (!Number.isSafeInteger(declared) || declared < 0)) {
    return Promise.reject(new DomainError('invalid', 'bad_content_length', 'Content-Length is not a number of bytes'));
  }
  if (declared !== undefined && declared > limit) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const whole = declared !== undefined ? Buffer.allocUnsafeSlow(declared) : undefined;
    let received = 0;
    const fail = (error: Error) => {
      req.removeAllListeners('data');
      req.resume();
      reject(error);
    };
    req.on('data', (chunk: Buffer) => {
      if (received + chunk.length > (whole ? whole.length : limit)) {
        fail(
          whole
            ? new DomainError('invalid', 'body_length_mismatch', 'the body is longer than its Content-Length')
            : tooLarge(),
        );
        return;
      }
      if (whole) chunk.copy(whole, received);
      else chunks.push(chunk);
      received += chunk.length;
    });
    req.once('end', () => {
      if (whole && received !== whole.length) {
        reject(new DomainError('invalid', 'body_length_mismatch', 'the body is shorter than its Content-Length'));
        return;
      }
      resolve(whole ?? Buffer.concat(chunks, received));
    });
    req.once('error', reject);
  });
}
