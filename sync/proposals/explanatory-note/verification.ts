import { renderMessage } from '../../../content/i18n/render-message.ts';
import type { NoteInput, NoteLang } from './note-input.ts';
import { inlineText, link, table } from './note-markdown.ts';
import type { NoteWording } from './note-wording.ts';

const SIGNALS_SHOWN = 12;
const EVIDENCE_SHOWN = 3;

const short = (sha: string | null) => (sha ? sha.slice(0, 12) : '—');
// In the signals table a commit is a short code span that does not wrap (a phone scrolls the table instead).
const shortCode = (sha: string | null) => (sha ? `\`${sha.slice(0, 7)}\`` : '—');
const valueText = (value: unknown, threshold: string | null) =>
  `${value === null || value === undefined ? '—' : String(value)}${threshold ? ` (${threshold})` : ''}`;

/**
 * 四、主要试验（验证）情况: the project's maturity level, the key signals it meets with their evidence pinned to
 * commits (the ones a level requires first), what the next level lacks, and the implementations the proposer named.
 */
export function verification(input: NoteInput, w: NoteWording, lang: NoteLang): string[] {
  const ui = lang === 'en' ? 'en' : 'zh-CN';
  const lines: string[] = [`## ${w.headings.verification}`, ''];
  const m = input.maturity;
  if (m === null || m.level === null) lines.push(w.notEvaluated, '');
  else {
    lines.push(w.level(inlineText(m.level), (m.evaluatedAt ?? input.generatedAt).slice(0, 10), short(m.commit)), '');
    const met = m.signals
      .filter((s) => s.status === 'pass')
      .sort((a, b) => Number(b.required) - Number(a.required) || b.evidence.length - a.evidence.length)
      .slice(0, SIGNALS_SHOWN);
    if (met.length === 0) lines.push(w.noSignals, '');
    else
      lines.push(
        w.passed,
        '',
        ...table(
          w.signalColumns,
          met.map((s) => [
            inlineText(s.title),
            inlineText(valueText(s.value, s.threshold)),
            shortCode(s.commit),
            s.evidence
              .slice(0, EVIDENCE_SHOWN)
              .map((e) => link(renderMessage(e.label, ui), e.url))
              .join(w.sep) || '—',
          ]),
        ),
        '',
      );
    if (m.nextLevel && m.gaps.length > 0)
      lines.push(
        w.gaps(inlineText(m.nextLevel)),
        '',
        ...m.gaps.map(
          (g) => `- ${inlineText(g.title)}${g.reason ? `${w.colon}${inlineText(renderMessage(g.reason, ui))}` : ''}`,
        ),
        '',
      );
  }
  if (input.implementations.length === 0) lines.push(w.noImplementations, '');
  else lines.push(w.implementations, '', ...input.implementations.map((i) => `- ${link(i.name, i.url)}`), '');
  return lines;
}
