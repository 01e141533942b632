import type { RequirementForm } from '../../../content/draft/draft-types.ts';
import { draftOutline } from './draft-outline.ts';
import type { NoteInput } from './note-input.ts';
import { inlineText, some, table } from './note-markdown.ts';
import type { NoteWording } from './note-wording.ts';

const FORMS: readonly RequirementForm[] = ['shall', 'shall not', 'should', 'should not', 'may'];
const SUBCLAUSES_SHOWN = 12;
const TERMS_SHOWN = 20;

/** 三、主要内容: the scope, the clause outline (clauses 1..n and annexes), requirements by form, the terms. */
export function mainContent(input: NoteInput, w: NoteWording): string[] {
  const outline = draftOutline(input.draftMarkdown);
  const lines: string[] = [`## ${w.headings.content}`, ''];
  if (input.scope.trim()) lines.push(`${w.scope}${inlineText(input.scope)}`, '');
  lines.push(w.outline, '');
  for (const top of outline.filter((h) => h.depth === 2)) {
    const subs = outline
      .filter((h) => h.depth === 3 && h.number.startsWith(`${top.number}.`))
      .map((h) => inlineText(h.text));
    const shown = some(subs, SUBCLAUSES_SHOWN, w.sep);
    lines.push(`- ${inlineText(top.text)}${subs.length ? `${w.colon}${w.subclauses(shown.list, shown.more)}` : ''}`);
  }
  const counts = FORMS.map((form) => ({
    form,
    count: input.manifest.requirements.filter((r) => r.form === form).length,
  }));
  lines.push(
    '',
    w.requirements(input.manifest.requirements.length),
    '',
    ...table(
      w.formColumns,
      counts.map(({ form, count }) => [w.forms[form][0], w.forms[form][1], String(count)]),
    ),
    '',
  );
  const terms = input.manifest.clauses.filter((c) => c.kind === 'term').map((c) => inlineText(c.title));
  const shownTerms = some(terms, TERMS_SHOWN, w.sep);
  lines.push(terms.length ? w.terms(terms.length, shownTerms.list, shownTerms.more) : w.noTerms, '');
  return lines;
}
