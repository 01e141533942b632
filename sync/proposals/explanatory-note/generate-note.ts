import type { NoteInput, NoteLang } from './note-input.ts';
import { inlineText, paragraphs } from './note-markdown.ts';
import { noteWording } from './note-wording.ts';
import { mainContent } from './main-content.ts';
import { sourceComparison } from './source-comparison.ts';
import { verification } from './verification.ts';
import { workSummary } from './work-summary.ts';

/**
 * The skeleton of a revision's explanatory note (编制说明) as Markdown, with the headings of GB/T practice: the
 * work so far, the drafting principles, the main content from the clause outline, the verification from the
 * maturity evidence, the IPR statement (or a placeholder for the editors), the comparison with the source
 * specification, and other matters. Pure: plain data in, Markdown out; the editors complete it afterwards.
 */
export function generateNote(input: NoteInput, lang: NoteLang = 'zh'): string {
  const w = noteWording(lang);
  const title = lang === 'en' ? input.title.en || input.title.zh : input.title.zh || input.title.en;
  const { comparison, open } = sourceComparison(input, w, lang);
  const ipr = input.iprStatement?.trim() ? paragraphs(input.iprStatement) : [w.iprPlaceholder];
  return [
    `# ${inlineText(w.title(title, input.draftName))}`,
    '',
    `${input.number}${input.label} · ${w.generatedNotice(input.number, input.generatedAt.slice(0, 10))}`,
    '',
    ...workSummary(input, w),
    `## ${w.headings.principles}`,
    '',
    ...w.principles.map((p) => `- ${p}`),
    '',
    ...mainContent(input, w),
    ...verification(input, w, lang),
    `## ${w.headings.ipr}`,
    '',
    ...ipr.flatMap((p) => [p, '']),
    ...comparison,
    `## ${w.headings.other}`,
    '',
    ...open,
    w.otherPlaceholder,
    '',
  ].join('\n');
}
