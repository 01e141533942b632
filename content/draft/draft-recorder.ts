import type { Nodes } from 'mdast';
import { msg, type Message } from '../../kernel/i18n/message.ts';
import { renderMessage } from '../i18n/render-message.ts';
import { buildRequirements } from './build-requirements.ts';
import type { RequirementLabel } from './requirement-label.ts';
import type {
  ClauseKind,
  DraftInput,
  LintIssue,
  LintRule,
  ManifestClause,
  ManifestRequirement,
} from './draft-types.ts';
import { finalClauseIds } from './final-clause-ids.ts';
import type { KeywordScan } from './map-keywords.ts';
import { originOfLines, type OriginContext } from './origin-of-lines.ts';
import { plainText } from './plain-text.ts';

/** Anything with provenance: a spec entry, a term entry, a cited link. */
export interface Sourced {
  kind: ClauseKind;
  file: number;
  startLine: number;
  endLine: number;
  sourceText: string;
  scan: KeywordScan;
  headingPath: readonly string[];
}

/** How a block is recorded besides its source. */
export interface RecordOptions {
  /** Where informative text stands (a note, the introduction…): its keywords are reported, not registered. */
  informative: Message | null;
  /** The label the block's list items or table rows take their strength from. */
  label?: RequirementLabel | undefined;
  /** A label paragraph: its own keywords belong to the list after it. */
  isLabel?: boolean;
}

// Clause IDs are known only once every block is recorded (they may be carried from a previous revision), so the
// draft is written with placeholders, replaced in the finished Markdown. NUL never reaches the draft otherwise:
// the parser turns it into U+FFFD and verbatim copies refuse it.
const token = (index: number): string => `\u0000${index}\u0000`;
const TOKEN = /\u0000(\d+)\u0000/g;

/** Collects the manifest as the draft is written: blocks with provenance, requirements and lint issues. */
export interface DraftRecorder {
  /** Records one block with provenance; returns the placeholder of its clause ID. */
  record(item: Sourced, nodes: Nodes[], number: string, title: string, options: RecordOptions): string;
  /** Records one lint issue (in the draft's language); `clause` is a placeholder or null. */
  issue(rule: LintRule, message: Message, clause: string | null, file: number, line: number): void;
  /** An issue of the whole draft (no file). */
  issueOfDraft(rule: LintRule, message: Message): void;
  clauses: ManifestClause[];
  /** Fixes every clause ID, carrying them from `input.previous` when given; no block is recorded after this. */
  assignIds(): void;
  /** The final ID of a placeholder (after `assignIds`). */
  idOf(placeholder: string): string;
  /** The manifest parts with final IDs (after `assignIds`). */
  result(): { clauses: ManifestClause[]; requirements: ManifestRequirement[]; lint: LintIssue[] };
  /** Replaces the placeholders in finished Markdown by the final IDs (after `assignIds`). */
  resolve(markdown: string): string;
}

/** Creates the recorder of one draft. */
export function createDraftRecorder(input: DraftInput): DraftRecorder {
  const lang = input.lang === 'zh' ? 'zh-CN' : 'en';
  const clauses: ManifestClause[] = [];
  const requirements: {
    clause: number;
    number: string;
    keyword: string;
    form: ManifestRequirement['form'];
    text: string;
  }[] = [];
  const seenRequirements = new Map<string, Set<string>>();
  const lint: { issue: LintIssue; clause: number | null }[] = [];
  const context: OriginContext = {
    base: input.permalinkBase,
    name: input.name,
    commit: input.commit,
    commits: input.commits,
    repository: input.repository,
  };
  let ids: string[] = [];
  const indexOf = (placeholder: string | null): number | null =>
    placeholder === null ? null : Number(placeholder.slice(1, -1));

  // One lint issue in the draft's language; its clause ID is filled in once the IDs are assigned.
  const lintIssue = (rule: LintRule, message: Message, path: string, line: number) => ({
    rule,
    message: renderMessage(message, lang),
    code: message.code,
    params: message.params ?? {},
    clauseId: null,
    path,
    line,
  });
  const issue = (rule: LintRule, message: Message, clause: string | null, file: number, line: number): void => {
    lint.push({ issue: lintIssue(rule, message, input.files[file]?.path ?? '', line), clause: indexOf(clause) });
  };

  const record = (item: Sourced, nodes: Nodes[], number: string, title: string, options: RecordOptions): string => {
    const file = input.files[item.file]!;
    const index = clauses.length;
    const placeholder = token(index);
    clauses.push({
      id: placeholder,
      number,
      kind: item.kind,
      title,
      text: plainText(nodes),
      sourceText: item.sourceText.replace(/\s+/g, ' ').trim(),
      headingPath: [...item.headingPath],
      origin: originOfLines(context, file.path, file.lineCommits, item.startLine, item.endLine),
    });
    const hits = item.scan.hits;
    if (item.kind !== 'clause' && item.kind !== 'annex' && !options.isLabel) {
      if (hits.length > 0 && options.informative) {
        const keywords = [...new Set(hits.map((h) => h.keyword))].join('", "');
        issue(
          'requirement-in-informative',
          msg('draft.lint.requirement-in-informative', { keywords, where: options.informative, number }),
          placeholder,
          item.file,
          item.startLine,
        );
      } else if (!options.informative) {
        let seen = seenRequirements.get(number);
        if (!seen) seenRequirements.set(number, (seen = new Set()));
        const found = buildRequirements(nodes, hits, { label: options.label, table: item.kind === 'table', title });
        for (const r of found) {
          // Identical sentences in one clause are one requirement.
          if (seen.has(r.text)) continue;
          seen.add(r.text);
          requirements.push({ clause: index, number, ...r });
        }
      }
    }
    if (item.scan.ambiguous.length > 0) {
      const words = [...new Set(item.scan.ambiguous)].join('", "');
      issue(
        'ambiguous-keyword',
        msg('draft.lint.ambiguous-keyword', { words, number }),
        placeholder,
        item.file,
        item.startLine,
      );
    }
    return placeholder;
  };

  return {
    record,
    issue,
    issueOfDraft: (rule, message) => {
      lint.push({ issue: lintIssue(rule, message, '', 0), clause: null });
    },
    clauses,
    assignIds: () => {
      const lineage = finalClauseIds(clauses, input.previous);
      ids = lineage.map((l) => l.id);
      clauses.forEach((clause, i) => {
        clause.id = ids[i]!;
        if (input.previous) {
          clause.previousId = lineage[i]!.previousId;
          clause.change = lineage[i]!.change;
        }
      });
    },
    idOf: (placeholder) => ids[Number(placeholder.slice(1, -1))] ?? placeholder,
    result: () => {
      const counters = new Map<string, number>();
      const manifestRequirements = requirements.map((r): ManifestRequirement => {
        const n = (counters.get(r.number) ?? 0) + 1;
        counters.set(r.number, n);
        return { id: `R-${r.number}-${n}`, clauseId: ids[r.clause]!, keyword: r.keyword, form: r.form, text: r.text };
      });
      return {
        clauses,
        requirements: manifestRequirements,
        lint: lint.map(({ issue: l, clause }) => ({ ...l, clauseId: clause === null ? null : ids[clause]! })),
      };
    },
    resolve: (markdown) => markdown.replace(TOKEN, (whole, n: string) => ids[Number(n)] ?? whole),
  };
}
