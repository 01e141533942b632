import { gzip } from 'node:zlib';

/** A visitor's draft page as sent: its bytes, and (once compressed) its gzip form. */
export interface CachedDraftPage {
  etag: string;
  identity: Buffer;
  gzip: Buffer | null;
}

/**
 * Visitors' draft pages by their ETag (the revision, the language, the URL), newest kept first, at most `maxBytes`
 * together. A 5,000-clause draft is a page of several MB: built once, compressed once on the thread pool (never on
 * the event loop), then sent as is to every visitor. Revisions are immutable, so an entry never goes stale.
 */
export function createDraftPageCache(maxBytes = 128 * 1024 * 1024) {
  const entries = new Map<string, CachedDraftPage>();
  let bytes = 0;
  const size = (e: CachedDraftPage) => e.identity.length + (e.gzip?.length ?? 0);
  const evict = () => {
    for (const [key, entry] of entries) {
      if (bytes <= maxBytes || entries.size <= 1) break;
      entries.delete(key);
      bytes -= size(entry);
    }
  };
  return {
    get(key: string): CachedDraftPage | undefined {
      const entry = entries.get(key);
      if (entry) {
        entries.delete(key);
        entries.set(key, entry);
      }
      return entry;
    },
    put(key: string, etag: string, identity: Buffer): void {
      if (entries.has(key)) return;
      const entry: CachedDraftPage = { etag, identity, gzip: null };
      entries.set(key, entry);
      bytes += identity.length;
      gzip(identity, { level: 6 }, (error, compressed) => {
        if (error || entries.get(key) !== entry) return;
        entry.gzip = compressed;
        bytes += compressed.length;
        evict();
      });
      evict();
    },
  };
}
