import { renderMessage } from '../../../content/i18n/render-message.ts';
import type { NoteInput, NoteLang } from './note-input.ts';
import { inlineText, table } from './note-markdown.ts';
import type { NoteWording } from './note-wording.ts';
import { REPAIR_RULES } from './repair-rules.ts';

const ISSUES_SHOWN = 30;

/** The draft's chapters each source file supplied (`0` is the introduction), in draft order. */
function chaptersOf(input: NoteInput, path: string, w: NoteWording): string {
  const chapters: string[] = [];
  for (const clause of input.manifest.clauses) {
    if (clause.origin.path !== path) continue;
    const chapter = clause.number.split('.')[0]!;
    if (!chapters.includes(chapter)) chapters.push(chapter);
  }
  return chapters.map((c) => (c === '0' ? w.introduction : c)).join(w.sep) || '—';
}

/**
 * 六、与源规范的对比 and the open lint issues for 七: the source repository, the pinned commit, the files with their
 * roles and the chapters they became, and what drafting changed (the lint report's repairs).
 */
export function sourceComparison(
  input: NoteInput,
  w: NoteWording,
  lang: NoteLang,
): { comparison: string[]; open: string[] } {
  const ui = lang === 'en' ? 'en' : 'zh-CN';
  const { source } = input.manifest;
  const where = (issue: NoteInput['lint'][number]) => (issue.path ? ` (${inlineText(issue.path)}:${issue.line})` : '');
  const text = (issue: NoteInput['lint'][number]) =>
    `- ${inlineText(renderMessage({ code: issue.code, params: issue.params }, ui))}${where(issue)}`;
  const capped = (list: readonly NoteInput['lint'][number][]) => [
    ...list.slice(0, ISSUES_SHOWN).map(text),
    ...(list.length > ISSUES_SHOWN ? [`- ${w.more(list.length - ISSUES_SHOWN)}`] : []),
  ];
  const repairs = input.lint.filter((l) => REPAIR_RULES.has(l.rule));
  const open = input.lint.filter((l) => !REPAIR_RULES.has(l.rule));
  const comparison = [
    `## ${w.headings.comparison}`,
    '',
    w.sourceRepository(inlineText(source.name), inlineText(source.repository), source.commit),
    '',
    ...table(
      w.fileColumns,
      source.files.map((f) => [
        `\`${f.path.replace(/`/g, '')}\``,
        w.roles[f.role] ?? f.role,
        chaptersOf(input, f.path, w),
      ]),
    ),
    '',
    ...(repairs.length ? [w.changes, '', ...capped(repairs)] : [w.noChanges]),
    '',
  ];
  return { comparison, open: open.length ? [w.openIssues(open.length), '', ...capped(open), ''] : [] };
}
