/**
 * Parameters of a message: the facts it states, filled into the reader's language by the catalogues. A parameter
 * may itself be a message (a reason inside a reason), rendered in the same language.
 */
export type MessageParams = Readonly<Record<string, string | number | Message>>;

/**
 * What an engine says, as a stable code with parameters; the catalogues in `content/i18n/messages/` render it in
 * Chinese or English. `{ code: 'maturity.commits.none', params: { days: 90 } }` → "no commits by people in the
 * last 90 days" / "近 90 天没有人提交".
 */
export interface Message {
  code: string;
  params?: MessageParams;
}

/** A message with its parameters. */
export function msg(code: string, params?: MessageParams): Message {
  return params ? { code, params } : { code };
}

/** True for a value shaped like a Message (stored results may hold older free-text reasons instead). */
export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string';
}

/**
 * A message kept in a text column (JSON of a Message). Text that is not one (written by an older version, or free
 * text from outside) becomes the message `text` that shows it as it is.
 */
export function storedMessage(stored: string | null | undefined): Message | null {
  if (stored === null || stored === undefined) return null;
  if (stored.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(stored);
      if (isMessage(parsed)) return parsed;
    } catch {
      // Not JSON after all: free text.
    }
  }
  return msg('text', { text: stored });
}

/** The text-column form of a message. */
export function storeMessage(message: Message | null): string | null {
  return message === null ? null : JSON.stringify(message);
}

/** A message or a legacy free-text value, as a Message. */
export function asMessage(value: unknown): Message | null {
  if (value === null || value === undefined) return null;
  if (isMessage(value)) return value;
  return msg('text', { text: String(value) });
}
