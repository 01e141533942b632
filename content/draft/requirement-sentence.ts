const BOUNDARY = /[.!?;](?=\s)|[。！？；]/g;

/**
 * The sentence of `text` around character `index`, for the conformance checklist.
 *
 * Before: (`Frames are small. A client shall not retry. Done.`, index of "shall")
 * After:  `A client shall not retry.`
 */
export function requirementSentence(text: string, index: number): string {
  let start = 0;
  let end = text.length;
  for (const match of text.matchAll(BOUNDARY)) {
    const at = match.index ?? 0;
    if (at < index) start = at + 1;
    else {
      end = at + 1;
      break;
    }
  }
  return text.slice(start, end).trim();
}
