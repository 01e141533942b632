import { messagesFor, type Messages } from '../../i18n/messages.ts';
import { LANGUAGES } from '../../../kernel/i18n/languages.ts';

// The words repeated thousands of times in a draft's HTML (each popover's labels, each register row's form) are
// not written in it: the HTML is rendered once for both languages, and carrying both would double its size. An
// empty element with a class stands for each word; this stylesheet, built from the catalogues, writes it in the
// page's language (`html:lang(en) .lb-file::before { content: "File" }`).

/** The label classes and the catalogue word each one shows. */
export const LABELS = {
  'lb-source': (t: Messages) => t.draftPage.source,
  'lb-file': (t: Messages) => t.draftPage.file,
  'lb-lines': (t: Messages) => t.draftPage.lines,
  'lb-pinned': (t: Messages) => t.draftPage.pinned,
  'lb-introduced': (t: Messages) => t.draftPage.introducedIn,
  'lb-changed': (t: Messages) => t.draftPage.lastChangedIn,
  'lb-authors': (t: Messages) => t.draftPage.authors,
  'lb-permalink': (t: Messages) => t.draftPage.permalink,
  'lb-portal': (t: Messages) => t.draftPage.portalSource,
  'lb-swhid': (t: Messages) => t.draftPage.swhid,
  'lb-unknown': (t: Messages) => t.draftPage.unknown,
  'f-shall': (t: Messages) => t.draftPage.forms.shall,
  'f-shall-not': (t: Messages) => t.draftPage.forms['shall not'],
  'f-should': (t: Messages) => t.draftPage.forms.should,
  'f-should-not': (t: Messages) => t.draftPage.forms['should not'],
  'f-may': (t: Messages) => t.draftPage.forms.may,
} as const;

export type LabelClass = keyof typeof LABELS;

/** The class of a requirement form (`shall not` → `f-shall-not`). */
export const formClass = (form: string): LabelClass => `f-${form.replace(/\s+/g, '-')}` as LabelClass;

const quoted = (text: string) => `"${text.replace(/["\\]/g, '\\$&').replace(/\n/g, ' ')}"`;

/** The stylesheet of the labels in every language the portal speaks. */
export function draftLabelCss(): string {
  const rules: string[] = ['/* Generated from content/i18n/catalogues (t.draftPage): the draft page labels. */'];
  for (const lang of LANGUAGES) {
    const t = messagesFor(lang);
    for (const [name, pick] of Object.entries(LABELS))
      rules.push(`html:lang(${lang}) .${name}::before { content: ${quoted(pick(t))}; }`);
  }
  return `${rules.join('\n')}\n`;
}
