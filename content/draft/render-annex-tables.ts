import type { RootContent } from 'mdast';
import type { ManifestClause, ManifestRequirement } from './draft-types.ts';
import { escapeMarkdownText, markdownTable } from './escape-markdown-text.ts';
import { heading, paragraph, short, text, type RenderContext } from './render-context.ts';

const FORM_ZH = { shall: '应', 'shall not': '不应', should: '宜', 'should not': '不宜', may: '可' } as const;

/** A GFM table of plain-text cells, escaped and written directly (traceability tables have a row per block). */
function table(header: string[], rows: string[][]): RootContent {
  return { type: 'html', value: markdownTable(header, rows) };
}

const lineRange = (start: number, end: number): string => (start === end ? String(start) : `${start}–${end}`);

/** The normative annex "Conformance checklist": every requirement with its ID, verbal form, clause and sentence. */
export function renderConformance(
  ctx: RenderContext,
  letter: string,
  clauses: readonly ManifestClause[],
  requirements: readonly ManifestRequirement[],
): void {
  const { L, out, zh } = ctx;
  out.push(heading(2, `${L.annex(letter, true)}${zh ? '' : ' '}${L.conformanceTitle}`));
  out.push(paragraph(text(L.conformanceLeadIn)));
  const numberOf = new Map(clauses.map((c) => [c.id, c.number]));
  out.push(
    table(
      [L.columns.requirement, L.columns.form, L.columns.clause, L.columns.text],
      requirements.map((r) => [r.id, zh ? FORM_ZH[r.form] : r.form, numberOf.get(r.clauseId) ?? '', r.text]),
    ),
  );
}

/** The informative annex "Source traceability": every block's number, clause ID, file, lines and last commit. */
export function renderTraceability(ctx: RenderContext, letter: string, clauses: readonly ManifestClause[]): void {
  const { L, out, zh } = ctx;
  out.push(heading(2, `${L.annex(letter, false)}${zh ? '' : ' '}${L.traceabilityTitle}`));
  out.push(paragraph(text(L.traceabilityLeadIn)));
  // Written directly, every cell escaped; the source cell links to the lines at the pinned commit.
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const header = [L.columns.number, L.columns.id, L.columns.file, L.columns.lines, L.columns.last];
  const rows = clauses.map((c) =>
    line([
      escapeMarkdownText(c.number),
      escapeMarkdownText(c.id),
      `[${escapeMarkdownText(`${c.origin.path}@${short(ctx.input.commit)}`)}](<${c.origin.permalink}>)`,
      lineRange(c.origin.startLine, c.origin.endLine),
      c.origin.lastChangedIn ? short(c.origin.lastChangedIn.sha) : '',
    ]),
  );
  out.push({
    type: 'html',
    value: [line(header.map(escapeMarkdownText)), line(header.map(() => '---')), ...rows].join('\n'),
  });
}
