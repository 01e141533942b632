import type { Nodes, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { SpecEntry } from './build-outline.ts';
import type { TermEntry } from './extract-terms.ts';
import type { KeywordHit } from './map-keywords.ts';

const TERM_COLUMN = /^(terms?|names?|words?|abbreviations?|acronyms?|concepts?|术语|名称|名词|缩略语|词汇|概念)$/i;
const DEFINITION_COLUMN = /definition|description|meaning|explanation|定义|说明|含义|解释|描述/i;

/**
 * Term entries of a glossary table (`| Term | Definition |`): one per body row, the first column the term and the
 * second its definition, each with the row's own lines. Undefined when the header does not name such columns.
 *
 * Before: `| Term | Definition |\n| --- | --- |\n| Frame | A unit. |`   After: [Frame → "A unit."]
 */
export function termsFromTable(table: Table, entry: SpecEntry, text: string): TermEntry[] | undefined {
  const [header, ...rows] = table.children;
  const cells = header?.children ?? [];
  if (cells.length < 2 || !TERM_COLUMN.test(toString(cells[0]!).trim()) || !DEFINITION_COLUMN.test(toString(cells[1]!)))
    return undefined;
  const entries: TermEntry[] = [];
  for (const row of rows) {
    const [termCell, definitionCell] = row.children;
    const term = termCell ? toString(termCell).trim() : '';
    if (!term || !definitionCell) continue;
    const start = row.position?.start;
    const end = row.position?.end;
    const inRow = (hit: KeywordHit): boolean => contains(row, hit.node);
    entries.push({
      term,
      definition: [{ type: 'paragraph', children: definitionCell.children }],
      file: entry.file,
      startLine: start?.line ?? entry.startLine,
      endLine: end?.line ?? entry.endLine,
      sourceText:
        start?.offset !== undefined && end?.offset !== undefined ? text.slice(start.offset, end.offset) : term,
      scan: {
        hits: entry.scan.hits.filter(inRow),
        ambiguous: [],
        changes: [],
        selfReferences: 0,
      },
      headingPath: entry.headingPath,
    });
  }
  return entries;
}

/** True when `target` is `node` or below it. */
function contains(node: Nodes, target: Nodes): boolean {
  if (node === target) return true;
  return 'children' in node && (node.children as Nodes[]).some((child) => contains(child, target));
}
