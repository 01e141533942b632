import { createHmac, randomUUID } from 'node:crypto';
import { TEST_SECRET } from './test-instance.ts';

export interface SentDelivery {
  status: number;
  body: unknown;
  id: string;
  headers: Headers;
}

/** Signs `payload` with the real HMAC (as GitHub does) and posts it with GitHub's headers. */
export async function sendDelivery(
  baseUrl: string,
  event: string,
  payload: unknown,
  options: { id?: string; secret?: string; headers?: Record<string, string>; rawBody?: string | Buffer } = {},
): Promise<SentDelivery> {
  const id = options.id ?? randomUUID();
  const body = options.rawBody ?? JSON.stringify(payload);
  const signature =
    'sha256=' +
    createHmac('sha256', options.secret ?? TEST_SECRET)
      .update(body)
      .digest('hex');
  const response = await fetch(`${baseUrl}/webhooks/github`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/4f8e1f2',
      'x-github-event': event,
      'x-github-delivery': id,
      'x-github-hook-id': '123456789',
      'x-github-hook-installation-target-type': 'repository',
      'x-github-hook-installation-target-id': '186853002',
      'x-hub-signature-256': signature,
      ...options.headers,
    },
    body,
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, body: parsed, id, headers: response.headers };
}
