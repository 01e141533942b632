import { createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import { TEST_SECRET } from '../support/test-instance.ts';

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  /** Milliseconds from the start of the request to the end of the answer. */
  ms: number;
}

/** A delivery whose body the test writes when it likes: to see what the server answers before it has the body. */
export interface OpenDelivery {
  id: string;
  write(chunk: Buffer): void;
  end(chunk?: Buffer): void;
  answer: Promise<Answer>;
}

/** The signature GitHub would send for `body`. */
export const sign = (body: Buffer, secret = TEST_SECRET): string =>
  'sha256=' + createHmac('sha256', secret).update(body).digest('hex');

/**
 * Starts a POST /webhooks/github with GitHub's headers (`signature` undefined: none) and sends the headers at once;
 * `length` undefined sends the body chunked. Errors after an answer (the server closed early) are ignored.
 */
export function openDelivery(
  baseUrl: string,
  options: { signature: string | undefined; length: number | undefined; id?: string; event?: string },
): OpenDelivery {
  const id = options.id ?? randomUUID();
  const headers: Record<string, string | number> = {
    'content-type': 'application/json',
    'x-github-event': options.event ?? 'ping',
    'x-github-delivery': id,
  };
  if (options.signature !== undefined) headers['x-hub-signature-256'] = options.signature;
  if (options.length !== undefined) headers['content-length'] = options.length;
  const started = performance.now();
  const req = http.request(new URL('/webhooks/github', baseUrl), { method: 'POST', headers });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // Not JSON: keep the text.
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, ms: performance.now() - started });
      });
    });
    req.on('error', reject);
  });
  answer.catch(() => {});
  req.flushHeaders();
  return {
    id,
    write: (chunk) => void req.write(chunk),
    end: (chunk) => void (chunk ? req.end(chunk) : req.end()),
    answer,
  };
}

/** The answer, or a rejection after `ms`: a server that waits for a body the client never sends must not hang a test. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms: ${what}`)), ms)),
  ]);
}
