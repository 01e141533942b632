/** A verified delivery as it arrived: raw bytes and the headers that matter. */
export interface RawDelivery {
  id: string;
  event: string;
  hookId: string | null;
  format: 'json' | 'form';
  body: Buffer;
}

/** A delivery's parts, or why it is refused. */
export type ReadDeliveryResult =
  | { kind: 'ok'; action: string | null; repositoryId: number | null; installationId: number | null; payload: Buffer }
  | { kind: 'bad_json'; message: string };

function numericId(value: unknown): number | null {
  if (typeof value !== 'object' || value === null) return null;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'number' && Number.isSafeInteger(id) ? id : null;
}

/**
 * Parses the JSON of a delivery whose signature the HTTP thread already checked over the exact bytes received
 * (GitHub's form encoding carries it in a `payload` field) and takes out what the queue needs: the action and
 * the repository and installation ids.
 */
export function readDelivery(raw: RawDelivery): ReadDeliveryResult {
  const text = raw.body.toString('utf8');
  const json = raw.format === 'form' ? (new URLSearchParams(text).get('payload') ?? '') : text;
  let payload: unknown;
  try {
    payload = JSON.parse(json);
  } catch {
    return { kind: 'bad_json', message: 'the body is not valid JSON' };
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { kind: 'bad_json', message: 'the body must be a JSON object' };
  }
  const body = payload as Record<string, unknown>;
  return {
    kind: 'ok',
    action: typeof body.action === 'string' ? body.action : null,
    repositoryId: numericId(body.repository),
    installationId: numericId(body.installation),
    payload: raw.format === 'json' ? raw.body : Buffer.from(json, 'utf8'),
  };
}
