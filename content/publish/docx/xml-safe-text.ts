// XML 1.0 cannot hold most control characters, lone surrogates or U+FFFE/U+FFFF, even escaped: a Word file with
// one is refused as corrupt. The `docx` package escapes `<`, `&` and quotes; what it cannot escape leaves here.
//   "a\u0001b\uD800c" → "abc"      tab and line feed stay (a run turns them into w:tab and breaks)

const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without the characters XML 1.0 cannot carry. */
export function xmlSafeText(text: string): string {
  return text.replace(NOT_XML, '');
}
