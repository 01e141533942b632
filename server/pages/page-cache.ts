import { createHash } from 'node:crypto';
import type { Response } from 'express';

/** Where a rendered page is kept, and what it was rendered from. */
export interface PageCacheSlot {
  /** The page and everything the request varies it by (view, language, URL). */
  key: string;
  /** What the page was derived from (a snapshot generation, the data version); another version is a miss. */
  version: string;
  /** Epoch ms after which the page is stale even if the data is not (an exemption runs out); default never. */
  expiresAt?: number;
}

/** Rendered pages, reused while the data they were rendered from has not changed. */
export interface PageCache {
  /** Sends the page kept in `slot` (as HTML, with its ETag; 304 when the client has it); false on a miss or no slot. */
  send(res: Response, slot: PageCacheSlot | undefined): boolean;
  /** Keeps `html` in `slot` and sends it. */
  keep(res: Response, slot: PageCacheSlot, html: string): void;
}

interface Entry {
  version: string;
  expiresAt: number;
  body: Buffer;
  etag: string;
}

/**
 * A small LRU of rendered pages (`size` entries). Rendering a page costs a model and a template; sending a kept
 * Buffer costs what a static file does. Keys hold the version, so a write makes the next request render afresh.
 */
export function createPageCache(now: () => number, size = 400): PageCache {
  const entries = new Map<string, Entry>();
  const deliver = (res: Response, entry: Entry, outcome: 'hit' | 'miss'): void => {
    res.type('html');
    res.setHeader('X-Page-Cache', outcome);
    // Set here so Express does not hash the body on every send; it still answers If-None-Match with a 304.
    res.setHeader('ETag', entry.etag);
    res.send(entry.body);
  };
  return {
    send(res, slot) {
      if (!slot) return false;
      const entry = entries.get(slot.key);
      if (!entry || entry.version !== slot.version || entry.expiresAt <= now()) return false;
      // Most recently used last: Map keeps insertion order, so the first key is the one to evict.
      entries.delete(slot.key);
      entries.set(slot.key, entry);
      deliver(res, entry, 'hit');
      return true;
    },
    keep(res, slot, html) {
      const body = Buffer.from(html);
      const entry: Entry = {
        version: slot.version,
        expiresAt: slot.expiresAt ?? Number.POSITIVE_INFINITY,
        body,
        etag: `W/"${createHash('sha1').update(body).digest('base64url')}"`,
      };
      entries.delete(slot.key);
      entries.set(slot.key, entry);
      if (entries.size > size) entries.delete(entries.keys().next().value!);
      deliver(res, entry, 'miss');
    },
  };
}
