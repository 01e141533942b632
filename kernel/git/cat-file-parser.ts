/** One object as `git cat-file` reports it; `content` only when it was read. */
export interface CatFileObject {
  id: string;
  type: string;
  size: number;
  content?: Buffer;
}

/** Reads the answers of `git cat-file --batch*` as they arrive, in the order the requests were made. */
export interface CatFileParser {
  /** Feeds a chunk of git's standard output. */
  push(chunk: Buffer): void;
  /** Registers the next request: whether git's answer carries content, and whether to keep it. */
  expect(hasContent: boolean, dropContent: boolean): Promise<CatFileObject | undefined>;
  /** Fails every request still waiting. */
  fail(error: Error): void;
  /** How many requests wait for their answer. */
  waiting(): number;
}

interface Pending {
  hasContent: boolean;
  dropContent: boolean;
  resolve: (o: CatFileObject | undefined) => void;
  reject: (e: Error) => void;
}

// A found object: "<id> <type> <size>\n" and, when asked, "<content>\n"; anything else ("<name> missing",
// "<name> ambiguous") is one line and means there is no such object.
const FOUND = /^([0-9a-f]{40,64}) (\S+) (\d+)$/;

/**
 * The one parser of cat-file's output. Chunks are kept in a list until an object's content is complete, so a large
 * blob arriving in many chunks is copied once, not once per chunk.
 */
export function createCatFileParser(): CatFileParser {
  const queue: Pending[] = [];
  let chunks: Buffer[] = [];
  let length = 0;
  // Bytes needed before the head of the queue can be answered (0: unknown, try on every chunk).
  let needed = 0;

  const answer = (buffer: Buffer): number => {
    let offset = 0;
    needed = 0;
    while (queue.length > 0) {
      const eol = buffer.indexOf(0x0a, offset);
      if (eol === -1) return offset;
      const found = FOUND.exec(buffer.toString('utf8', offset, eol));
      const head = queue[0]!;
      if (!found) {
        offset = eol + 1;
        queue.shift()!.resolve(undefined);
        continue;
      }
      const size = Number(found[3]);
      const object: CatFileObject = { id: found[1]!, type: found[2]!, size };
      if (!head.hasContent) {
        offset = eol + 1;
        queue.shift()!.resolve(object);
        continue;
      }
      const end = eol + 1 + size + 1;
      if (buffer.length < end) {
        needed = end - offset;
        return offset;
      }
      if (!head.dropContent) object.content = Buffer.from(buffer.subarray(eol + 1, eol + 1 + size));
      offset = end;
      queue.shift()!.resolve(object);
    }
    return offset;
  };

  return {
    push(chunk) {
      chunks.push(chunk);
      length += chunk.length;
      if (queue.length === 0 || length < needed) return;
      const buffer = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length);
      const used = answer(buffer);
      const rest = buffer.subarray(used);
      chunks = rest.length > 0 ? [rest] : [];
      length = rest.length;
    },
    expect(hasContent, dropContent) {
      return new Promise((resolve, reject) => queue.push({ hasContent, dropContent, resolve, reject }));
    },
    fail(error) {
      for (const p of queue.splice(0)) p.reject(error);
    },
    waiting: () => queue.length,
  };
}
