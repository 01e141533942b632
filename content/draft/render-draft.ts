import { renderMessage } from '../i18n/render-message.ts';
import { msg, type Message } from '../../kernel/i18n/message.ts';
import type { Heading, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { SpecBlock, SpecEntry, SpecOutline, SpecSection } from './build-outline.ts';
import { appendAll } from './append-all.ts';
import { ClauseIdAllocator } from './clause-id.ts';
import { collectCitedLinks, type CitedLink } from './collect-cited-links.ts';
import { draftFrontMatter } from './draft-front-matter.ts';
import { DRAFT_GENERATOR_NAME, DRAFT_GENERATOR_VERSION } from './draft-version.ts';
import type {
  ClauseKind,
  DraftInput,
  DraftManifest,
  LintIssue,
  ManifestClause,
  ManifestRequirement,
} from './draft-types.ts';
import { escapeMarkdownText, markdownTable } from './escape-markdown-text.ts';
import { leadIns } from './lead-ins.ts';
import type { KeywordScan } from './map-keywords.ts';
import { originOfLines, permalinkTo, rawUrlTo, type OriginContext } from './origin-of-lines.ts';
import { plainText } from './plain-text.ts';
import type { AnnexPart, DraftPlan } from './plan-draft.ts';
import { requirementSentence } from './requirement-sentence.ts';
import { rewriteLinks } from './rewrite-links.ts';
import { createAnchorResolver } from './create-anchor-resolver.ts';
import { verbatimBlock } from './verbatim-block.ts';

/** Anything with provenance: a spec entry, a term entry, a cited link. */
interface Sourced {
  kind: ClauseKind;
  file: number;
  startLine: number;
  endLine: number;
  sourceText: string;
  scan: KeywordScan;
}

const FORM_ZH = { shall: '应', 'shall not': '不应', should: '宜', 'should not': '不宜', may: '可' } as const;
const text = (value: string): PhrasingContent => ({ type: 'text', value });
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const heading = (depth: number, value: string): Heading => ({
  type: 'heading',
  depth: Math.min(6, depth) as Heading['depth'],
  children: [text(value)],
});
const short = (sha: string): string => sha.slice(0, 7);
// Blocks that are informative wherever they stand (ISO/IEC Directives Part 2: notes, examples, footnotes).
const INFORMATIVE_KINDS: Partial<Record<ClauseKind, Message>> = {
  note: msg('draft.context.note'),
  example: msg('draft.context.example'),
  footnote: msg('draft.context.footnote'),
};
const lineRange = (start: number, end: number): string => (start === end ? String(start) : `${start}–${end}`);

/**
 * Writes the planned draft as one Markdown tree (GB/T 1.1-2020 order: foreword, introduction, scope, normative
 * references, terms, clauses 4…, annexes, bibliography) and the provenance manifest alongside it.
 *
 * Before: a plan with clauses [Protocol → [Frames]]
 * After:  `## 4 Protocol`, `### 4.1 Frames`, each with a source note; manifest clauses with IDs and origins.
 */
export function renderDraft(
  input: DraftInput,
  plan: DraftPlan,
  outlines: readonly SpecOutline[],
): { tree: Root; manifest: DraftManifest } {
  const L = leadIns(input.lang);
  const zh = input.lang === 'zh';
  const out: RootContent[] = [];
  const clauses: ManifestClause[] = [];
  const requirements: ManifestRequirement[] = [];
  const lint: LintIssue[] = [];
  const ids = new ClauseIdAllocator();
  const counters = new Map<string, number>();
  const anchors = new Map<SpecSection, string>();
  const linkJobs: { id: string; file: number; line: number; nodes: Nodes[] }[] = [];
  const originContext: OriginContext = {
    base: input.permalinkBase,
    name: input.name,
    commit: input.commit,
    commits: input.commits,
  };
  const fileOf = (i: number) => input.files[i]!;

  const issue = (
    rule: LintIssue['rule'],
    message: Message,
    clauseId: string | null,
    file: number,
    line: number,
  ): void => {
    lint.push({
      rule,
      message: renderMessage(message, 'en'),
      code: message.code,
      params: message.params ?? {},
      clauseId,
      path: fileOf(file).path,
      line,
    });
  };

  /** Records one block with provenance; returns its clause ID. */
  const record = (
    item: Sourced,
    nodes: Nodes[],
    number: string,
    title: string,
    informative: Message | null,
  ): string => {
    const file = fileOf(item.file);
    const id = ids.next(item.kind, item.sourceText);
    const draftText = plainText(nodes);
    clauses.push({
      id,
      number,
      kind: item.kind,
      title,
      text: draftText,
      sourceText: item.sourceText.replace(/\s+/g, ' ').trim(),
      origin: originOfLines(originContext, file.path, file.lineCommits, item.startLine, item.endLine),
    });
    linkJobs.push({ id, file: item.file, line: item.startLine, nodes });
    if (item.scan.hits.length > 0 && item.kind !== 'clause' && item.kind !== 'annex') {
      if (informative) {
        const words = [...new Set(item.scan.hits.map((h) => h.keyword))].join('", "');
        issue(
          'requirement-in-informative',
          msg('draft.lint.requirement-in-informative', { keywords: words, where: informative, number }),
          id,
          item.file,
          item.startLine,
        );
      } else {
        let from = 0;
        for (const hit of item.scan.hits) {
          const found = draftText.indexOf(hit.replacement, from);
          const at = found === -1 ? from : found;
          from = at + hit.replacement.length;
          const n = (counters.get(number) ?? 0) + 1;
          counters.set(number, n);
          requirements.push({
            id: `R-${number}-${n}`,
            clauseId: id,
            keyword: hit.keyword,
            form: hit.form,
            text: requirementSentence(draftText, at),
          });
        }
      }
    }
    if (item.scan.ambiguous.length > 0) {
      const words = [...new Set(item.scan.ambiguous)].join('", "');
      issue('ambiguous-keyword', msg('draft.lint.ambiguous-keyword', { words, number }), id, item.file, item.startLine);
    }
    return id;
  };

  /** The short source note printed under a clause: file, lines, commit, last change and clause ID. */
  const sourceNote = (items: Sourced[], id: string): RootContent => {
    const first = items[0]!;
    const file = fileOf(first.file);
    const start = items.reduce((min, i) => Math.min(min, i.startLine), Number.POSITIVE_INFINITY);
    const end = items.reduce((max, i) => Math.max(max, i.endLine), Number.NEGATIVE_INFINITY);
    const origin = originOfLines(originContext, file.path, file.lineCommits, start, end);
    const last = origin.lastChangedIn
      ? `${short(origin.lastChangedIn.sha)} (${origin.lastChangedIn.author}, ${origin.lastChangedIn.date.slice(0, 10)})`
      : null;
    const [before, after] = L.sourceNote('\u0000', lineRange(start, end), short(input.commit), last, id).split(
      '\u0000',
    );
    // Written directly (one per clause): every piece escaped, the URL in <> (its path segments are encoded).
    return {
      type: 'html',
      value: `*${escapeMarkdownText(before ?? '')}[${escapeMarkdownText(file.path)}](<${origin.permalink}>)${escapeMarkdownText(after ?? '')}*`,
    };
  };

  const label = (node: RootContent, kind: ClauseKind): RootContent => {
    const word = kind === 'note' ? L.note : kind === 'example' ? L.example : undefined;
    if (!word) return node;
    const target =
      node.type === 'paragraph'
        ? node
        : node.type === 'blockquote' && node.children[0]?.type === 'paragraph'
          ? node.children[0]
          : undefined;
    target?.children.unshift(text(zh ? word : `${word} `));
    return node;
  };

  const renderBlocks = (blocks: SpecBlock[], number: string, title: string, context: Message | null): SpecEntry[] => {
    const entries: SpecEntry[] = [];
    for (const block of blocks) {
      for (const entry of block.entries) {
        if (entry.conventions) {
          entry.node = paragraph(text(L.conventions));
          block.node = entry.node;
        }
        const informative = context ?? INFORMATIVE_KINDS[entry.kind] ?? null;
        record(entry, [entry.node], number, title, informative);
        entries.push(entry);
      }
      out.push(verbatimBlock(block, fileOf(block.entries[0]?.file ?? 0).text) ?? label(block.node, block.kind));
    }
    return entries;
  };

  /** Blocks of a part without a spec heading (scope, General, …), each file's run followed by its source note. */
  const renderPart = (blocks: SpecBlock[], number: string, title: string, context: Message | null): void => {
    let run: SpecBlock[] = [];
    const flush = (): void => {
      if (run.length === 0) return;
      const entries = renderBlocks(run, number, title, context);
      const first = entries[0];
      const id = first
        ? clauses.find(
            (c) =>
              c.origin.path === fileOf(first.file).path &&
              c.origin.startLine === first.startLine &&
              c.kind === first.kind,
          )?.id
        : undefined;
      if (first && id) out.push(sourceNote(entries, id));
      run = [];
    };
    for (const block of blocks) {
      if (run.length > 0 && run[0]!.entries[0]?.file !== block.entries[0]?.file) flush();
      run.push(block);
    }
    flush();
  };

  const renderSection = (section: SpecSection, number: string, level: number, context: Message | null): void => {
    const headingText = `${number} ${section.title}`;
    out.push(heading(level + 1, headingText));
    anchors.set(section, headingText);
    const id = record(section.entry, [section.heading], number, section.title, context);
    const entries = renderBlocks(section.blocks, number, section.title, context);
    const flatten = (child: SpecSection): void => {
      issue(
        'depth-over-five',
        msg('draft.lint.depth-over-five', { title: child.title, number }),
        null,
        child.file,
        child.entry.startLine,
      );
      anchors.set(child, headingText);
      out.push(paragraph({ type: 'strong', children: [text(child.title)] }));
      record(child.entry, [child.heading], number, child.title, context);
      appendAll(entries, renderBlocks(child.blocks, number, child.title, context));
      child.children.forEach(flatten);
    };
    if (level >= 5) section.children.forEach(flatten);
    out.push(sourceNote([section.entry, ...entries], id));
    if (level < 5) {
      if (section.blocks.length > 0 && section.children.length > 0) {
        issue(
          'hanging-paragraph',
          msg('draft.lint.hanging-paragraph', { number }),
          id,
          section.file,
          section.entry.startLine,
        );
      }
      if (section.children.length === 1) {
        issue(
          'lone-subclause',
          msg('draft.lint.lone-subclause', { number }),
          id,
          section.file,
          section.entry.startLine,
        );
      }
      section.children.forEach((child, i) => renderSection(child, `${number}.${i + 1}`, level + 1, context));
    }
  };

  // Citations are classified before clause 2 is written, from every part that can state requirements.
  const normativeEntries = (blocks: SpecBlock[], normative: boolean) =>
    blocks.flatMap((b) =>
      b.entries.map((entry) => ({ entry, normative: normative && INFORMATIVE_KINDS[entry.kind] === undefined })),
    );
  const sectionEntries = (s: SpecSection, normative: boolean): { entry: SpecEntry; normative: boolean }[] => [
    ...normativeEntries(s.blocks, normative),
    ...s.children.flatMap((c) => sectionEntries(c, normative)),
  ];
  const cited = collectCitedLinks([
    ...normativeEntries(plan.introduction.blocks, false),
    ...plan.introduction.sections.flatMap((s) => sectionEntries(s, false)),
    ...normativeEntries(plan.scope, true),
    ...normativeEntries(plan.general, true),
    ...plan.clauses.flatMap((s) => sectionEntries(s, true)),
    ...plan.annexes.flatMap((a) => [
      ...normativeEntries(a.blocks, a.normative),
      ...a.children.flatMap((c) => sectionEntries(c, a.normative)),
    ]),
  ]);
  // Documents the spec already lists in its own normative references are not listed twice.
  const listedUrls = new Set(
    collectCitedLinks(normativeEntries(plan.normativeReferences, false)).informative.map((c) => c.url),
  );
  cited.normative = cited.normative.filter((c) => !listedUrls.has(c.url));
  cited.informative = cited.informative.filter((c) => !listedUrls.has(c.url));
  const referenceList = (links: CitedLink[], number: string, title: string): void => {
    if (links.length === 0) return;
    const items = links.map((c) => {
      const start = c.link.position?.start.line ?? c.entry.startLine;
      const end = c.link.position?.end.line ?? start;
      const node: RootContent = { type: 'link', url: c.url, title: null, children: [text(c.title)] } as RootContent;
      record(
        {
          kind: 'reference',
          file: c.entry.file,
          startLine: start,
          endLine: end,
          sourceText: `${c.title} <${c.url}>`,
          scan: { hits: [], ambiguous: [], changes: [] },
        },
        [node],
        number,
        title,
        null,
      );
      return { type: 'listItem' as const, spread: false, children: [paragraph(node as PhrasingContent)] };
    });
    out.push({ type: 'list', ordered: false, spread: false, children: items });
  };

  // Front matter and title.
  const title = zh
    ? (input.titleZh ?? input.titleEn ?? plan.title ?? input.name)
    : (input.titleEn ?? plan.title ?? input.titleZh ?? input.name);
  const license = input.license ?? plan.license;
  out.push(draftFrontMatter(input, plan.title, license));
  out.push(heading(1, title));

  out.push(heading(2, L.foreword));
  out.push(paragraph(text(L.draftedPerGbt)));
  out.push(paragraph(text(L.origin(input.name, input.commit))));
  out.push(paragraph(text(L.license(license))));
  out.push(paragraph(text(L.patentNotice)));

  if (plan.introduction.blocks.length > 0 || plan.introduction.sections.length > 0) {
    out.push(heading(2, L.introduction));
    renderPart(plan.introduction.blocks, '0', L.introduction, msg('draft.context.introduction'));
    plan.introduction.sections.forEach((s, i) => renderSection(s, `0.${i + 1}`, 2, msg('draft.context.introduction')));
  }

  out.push(heading(2, `1 ${L.scope}`));
  if (plan.scope.length > 0) renderPart(plan.scope, '1', L.scope, null);
  else out.push(paragraph(text(L.generatedScope(title, input.name, input.commit))));

  out.push(heading(2, `2 ${L.normativeReferences}`));
  if (plan.normativeReferences.length > 0 || cited.normative.length > 0) {
    out.push(paragraph(text(L.normativeRefsLeadIn)));
    renderBlocks(plan.normativeReferences, '2', L.normativeReferences, null);
    referenceList(cited.normative, '2', L.normativeReferences);
  } else out.push(paragraph(text(L.noNormativeRefs)));

  out.push(heading(2, `3 ${L.terms}`));
  out.push(paragraph(text(plan.terms.entries.length > 0 ? L.termsLeadIn : L.noTerms)));
  renderBlocks(plan.terms.other, '3', L.terms, null);
  const seenTerms = new Map<string, string>();
  plan.terms.entries.forEach((entry, i) => {
    const number = `3.${i + 1}`;
    const headingText = `${number} ${entry.term}`;
    out.push(heading(3, headingText));
    const id = record(
      { ...entry, kind: 'term' },
      entry.definition,
      number,
      entry.term,
      msg('draft.context.definition'),
    );
    appendAll(out, entry.definition);
    out.push(sourceNote([{ ...entry, kind: 'term' }], id));
    const key = entry.term.toLowerCase().replace(/\s+/g, ' ');
    const earlier = seenTerms.get(key);
    if (earlier)
      issue(
        'duplicate-term',
        msg('draft.lint.duplicate-term', { term: entry.term, earlier, number }),
        id,
        entry.file,
        entry.startLine,
      );
    else seenTerms.set(key, number);
  });

  let clauseNumber = 4;
  if (plan.general.length > 0) {
    out.push(heading(2, `${clauseNumber} ${L.general}`));
    renderPart(plan.general, String(clauseNumber), L.general, null);
    clauseNumber++;
  }
  plan.clauses.forEach((section) => renderSection(section, String(clauseNumber++), 1, null));

  let letterCode = 'A'.charCodeAt(0);
  const renderAnnex = (annex: AnnexPart): void => {
    const letter = String.fromCharCode(letterCode++);
    const headingText = `${L.annex(letter, annex.normative)}${zh ? '' : ' '}${annex.title}`;
    out.push(heading(2, headingText));
    const context = annex.normative ? null : msg('draft.context.informative-annex');
    const entries: SpecEntry[] = [];
    let id: string | undefined;
    if (annex.heading) {
      anchors.set(annex.heading, headingText);
      id = record({ ...annex.heading.entry, kind: 'annex' }, [annex.heading.heading], letter, annex.title, context);
      entries.push(annex.heading.entry);
    }
    appendAll(entries, renderBlocks(annex.blocks, letter, annex.title, context));
    if (id && entries.length > 0) out.push(sourceNote(entries, id));
    annex.children.forEach((child, i) => renderSection(child, `${letter}.${i + 1}`, 2, context));
  };
  plan.annexes.filter((a) => a.normative).forEach(renderAnnex);

  // Link targets are known once every spec heading has its number; rewrite before the checklist is built.
  const pathIndex = new Map(input.files.map((f, i) => [f.path, i]));
  const resolve = createAnchorResolver({
    files: input.files,
    outlines,
    plan,
    headings: anchors,
    lang: input.lang,
    title,
  });
  const conformanceLetter = String.fromCharCode(letterCode++);
  const informativeAnnexes = plan.annexes.filter((a) => !a.normative);
  // Informative annexes and the bibliography are rendered before link rewriting too, so their links resolve.
  const tail: RootContent[] = [];
  const mark = out.length;
  informativeAnnexes.forEach(renderAnnex);
  if (plan.bibliography.length > 0 || cited.informative.length > 0) {
    out.push(heading(2, L.bibliography));
    renderBlocks(plan.bibliography, 'Bibliography', L.bibliography, msg('draft.context.bibliography'));
    referenceList(cited.informative, 'Bibliography', L.bibliography);
  }
  appendAll(tail, out.splice(mark));

  for (const job of linkJobs) {
    const file = fileOf(job.file);
    const unresolved = rewriteLinks(job.nodes, {
      path: file.path,
      resolve,
      isSpecFile: (p) => pathIndex.has(p),
      pinned: (p, image) => (image ? rawUrlTo : permalinkTo)(input.permalinkBase, input.name, input.commit, p),
    });
    for (const url of unresolved)
      issue('unresolved-link', msg('draft.lint.unresolved-link', { url }), job.id, job.file, job.line);
  }

  // Annex: conformance checklist (normative), then the spec's informative annexes, then traceability.
  out.push(heading(2, `${L.annex(conformanceLetter, true)}${zh ? '' : ' '}${L.conformanceTitle}`));
  out.push(paragraph(text(L.conformanceLeadIn)));
  const clauseNumberOf = new Map(clauses.map((c) => [c.id, c.number]));
  out.push(
    table(
      [L.columns.requirement, L.columns.form, L.columns.clause, L.columns.text],
      requirements.map((r) => [r.id, zh ? FORM_ZH[r.form] : r.form, clauseNumberOf.get(r.clauseId) ?? '', r.text]),
    ),
  );
  const traceLetter = String.fromCharCode(letterCode);
  const bibliography = tail.findIndex((n) => n.type === 'heading' && n.depth === 2 && plainText(n) === L.bibliography);
  const annexPart = bibliography === -1 ? tail : tail.slice(0, bibliography);
  const bibliographyPart = bibliography === -1 ? [] : tail.slice(bibliography);
  appendAll(out, annexPart);
  out.push(heading(2, `${L.annex(traceLetter, false)}${zh ? '' : ' '}${L.traceabilityTitle}`));
  out.push(paragraph(text(L.traceabilityLeadIn)));
  out.push(
    table(
      [L.columns.number, L.columns.id, L.columns.file, L.columns.lines, L.columns.last],
      clauses.map((c) => [
        c.number,
        c.id,
        `${c.origin.path}@${short(input.commit)}`,
        lineRange(c.origin.startLine, c.origin.endLine),
        c.origin.lastChangedIn ? short(c.origin.lastChangedIn.sha) : '',
      ]),
    ),
  );
  appendAll(out, bibliographyPart);

  const manifest: DraftManifest = {
    source: {
      name: input.name,
      repository: input.repository,
      commit: input.commit,
      files: input.files.map((f) => ({ path: f.path, blob: f.blob, role: f.role })),
    },
    generator: { name: DRAFT_GENERATOR_NAME, version: DRAFT_GENERATOR_VERSION },
    lang: input.lang,
    type: input.type,
    date: input.date,
    clauses,
    requirements,
    lint,
  };
  return { tree: { type: 'root', children: out }, manifest };
}

/** A GFM table of plain-text cells, escaped and written directly (traceability tables have a row per block). */
function table(header: string[], rows: string[][]): RootContent {
  return { type: 'html', value: markdownTable(header, rows) };
}
