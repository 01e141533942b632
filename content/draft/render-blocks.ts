import type { Nodes, RootContent } from 'mdast';
import { msg, type Message } from '../../kernel/i18n/message.ts';
import type { SpecBlock, SpecEntry } from './build-outline.ts';
import { requirementLabelOf, type RequirementLabel } from './requirement-label.ts';
import type { RecordOptions, Sourced } from './draft-recorder.ts';
import type { ClauseKind } from './draft-types.ts';
import { escapeMarkdownText } from './escape-markdown-text.ts';
import { formatRanges, lineRanges } from './line-ranges.ts';
import { originOfLines } from './origin-of-lines.ts';
import { plainText } from './plain-text.ts';
import { anchorNode } from './provenance-anchor.ts';
import { short, text, type RenderContext } from './render-context.ts';
import { verbatimBlock } from './verbatim-block.ts';

// Blocks that are informative wherever they stand (ISO/IEC Directives Part 2: notes, examples, footnotes).
export const INFORMATIVE_KINDS: Partial<Record<ClauseKind, Message>> = {
  note: msg('draft.context.note'),
  example: msg('draft.context.example'),
  footnote: msg('draft.context.footnote'),
};

/** Records one block and queues its links for rewriting; returns its clause-ID placeholder. */
export function recordBlock(
  ctx: RenderContext,
  item: Sourced,
  nodes: Nodes[],
  number: string,
  title: string,
  options: RecordOptions,
): string {
  const id = ctx.recorder.record(item, nodes, number, title, options);
  ctx.linkJobs.push({ id, file: item.file, line: item.startLine, nodes });
  return id;
}

/** Body mode: the short note under a clause (file, line ranges, commit, last change, clause ID). */
export function sourceNote(ctx: RenderContext, items: readonly Sourced[], id: string): RootContent {
  const first = items[0]!;
  const file = ctx.fileOf(first.file);
  const ranges = lineRanges(items, ctx.linesOf(first.file));
  // The last change over exactly the lines of the note; the link goes to its first range.
  let last: (typeof ctx.input.commits)[number] | undefined;
  for (const [start, end] of ranges)
    for (let line = start; line <= end; line++) {
      const commit = ctx.input.commits[file.lineCommits[line - 1] ?? -1];
      if (commit && (!last || commit.time > last.time || (commit.time === last.time && commit.sha > last.sha)))
        last = commit;
    }
  const permalink = originOfLines(ctx.origin, file.path, [], ranges[0]![0], ranges[0]![1]).permalink;
  const lastText = last ? `${short(last.sha)} (${last.author}, ${last.date.slice(0, 10)})` : null;
  const [before, after] = ctx.L.sourceNote(
    '\u0001',
    formatRanges(ranges, ctx.zh ? '、' : ', '),
    short(ctx.input.commit),
    lastText,
    id,
  ).split('\u0001');
  // Written directly (one per clause): every piece escaped, the URL in <> (its path segments are encoded).
  return {
    type: 'html',
    value: `*${escapeMarkdownText(before ?? '')}[${escapeMarkdownText(file.path)}](<${permalink}>)${escapeMarkdownText(after ?? '')}*`,
  };
}

/** Prints "NOTE" / "EXAMPLE" (注： / 示例：) before a note or an example. */
function label(ctx: RenderContext, node: RootContent, kind: ClauseKind): RootContent {
  const word = kind === 'note' ? ctx.L.note : kind === 'example' ? ctx.L.example : undefined;
  if (!word) return node;
  const target =
    node.type === 'paragraph'
      ? node
      : node.type === 'blockquote' && node.children[0]?.type === 'paragraph'
        ? node.children[0]
        : undefined;
  target?.children.unshift(text(ctx.zh ? word : `${word} `));
  return node;
}

/** A paragraph ending in a colon, stating a keyword, right before a list or table: "REQUIRED parameters:". */
function requirementLabel(block: SpecBlock, next: SpecBlock | undefined): RequirementLabel | undefined {
  const entry = block.entries[0];
  if (block.kind !== 'paragraph' || !entry) return undefined;
  return requirementLabelOf(plainText(block.node), entry.scan.hits, next?.node.type);
}

/** Writes blocks of one clause, recording each entry; returns the entries (for the source note). */
export function renderBlocks(
  ctx: RenderContext,
  blocks: readonly SpecBlock[],
  number: string,
  title: string,
  context: Message | null,
): SpecEntry[] {
  const entries: SpecEntry[] = [];
  let pending: RequirementLabel | undefined;
  blocks.forEach((block, i) => {
    const labelOf = requirementLabel(block, blocks[i + 1]);
    const inherited = pending;
    pending = labelOf;
    const ids = block.entries.map((entry) => {
      const informative = context ?? INFORMATIVE_KINDS[entry.kind] ?? null;
      entries.push(entry);
      return recordBlock(ctx, entry, [entry.node], number, title, {
        informative,
        label: inherited,
        isLabel: labelOf !== undefined,
      });
    });
    const verbatim = verbatimBlock(
      block,
      ctx.fileOf(block.entries[0]?.file ?? 0).text,
      ctx.annexMode ? ids : undefined,
    );
    if (verbatim) {
      ctx.out.push(verbatim);
      return;
    }
    const node = label(ctx, block.node, block.kind);
    if (ctx.annexMode) {
      block.entries.forEach((entry, k) => {
        const own = anchorNode(entry.node, ids[k]!);
        if (own) ctx.out.push(own);
      });
    }
    ctx.out.push(node);
  });
  return entries;
}

/** Blocks of a part without a spec heading (scope, General, …); in body mode each file's run gets a source note. */
export function renderPart(
  ctx: RenderContext,
  blocks: readonly SpecBlock[],
  number: string,
  title: string,
  context: Message | null,
): void {
  let run: SpecBlock[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const first = ctx.recorder.clauses.length;
    const entries = renderBlocks(ctx, run, number, title, context);
    const id = ctx.recorder.clauses[first]?.id;
    if (!ctx.annexMode && entries.length > 0 && id) ctx.out.push(sourceNote(ctx, entries, id));
    run = [];
  };
  for (const block of blocks) {
    if (run.length > 0 && run[0]!.entries[0]?.file !== block.entries[0]?.file) flush();
    run.push(block);
  }
  flush();
}
