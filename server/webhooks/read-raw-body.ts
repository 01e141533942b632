import type { IncomingMessage } from 'node:http';
import { DomainError } from '../../kernel/errors/domain-error.ts';

const tooLarge = (limit: number) =>
  new DomainError('too-large', 'payload_too_large', `the body is larger than ${Math.round(limit / 1024 / 1024)} MB`);

/**
 * The body length a request declares (Content-Length), checked before anything is read: undefined for a chunked
 * body, a 400 for a value that is not a number of bytes, a 413 over `limit`.
 */
export function declaredLength(req: IncomingMessage, limit: number): number | undefined {
  const header = req.headers['content-length'];
  if (header === undefined) return undefined;
  const declared = Number(header);
  if (!Number.isSafeInteger(declared) || declared < 0)
    throw new DomainError('invalid', 'bad_content_length', 'Content-Length is not a number of bytes');
  if (declared > limit) throw tooLarge(limit);
  return declared;
}

/**
 * Reads a request body as raw bytes, up to `limit`, handing every chunk to `onChunk` as it arrives (the signature
 * is computed while the body streams). With a declared length the bytes land in one buffer of their own (no
 * concatenation, and it can move to another thread without a copy); a longer body is refused as soon as it is.
 */
export function readRawBody(
  req: IncomingMessage,
  declared: number | undefined,
  limit: number,
  onChunk: (chunk: Buffer) => void = () => {},
): Promise<Buffer> {
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
            : tooLarge(limit),
        );
        return;
      }
      onChunk(chunk);
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
