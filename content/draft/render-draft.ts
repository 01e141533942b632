import type { Root, RootContent } from 'mdast';
import { msg } from '../../kernel/i18n/message.ts';
import type { SpecBlock, SpecEntry, SpecOutline, SpecSection } from './build-outline.ts';
import { appendAll } from './append-all.ts';
import { buildReferenceList } from './build-reference-list.ts';
import { collectCitedLinks } from './collect-cited-links.ts';
import { createAnchorResolver } from './create-anchor-resolver.ts';
import { createDraftRecorder } from './draft-recorder.ts';
import { draftFrontMatter } from './draft-front-matter.ts';
import { DRAFT_GENERATOR_NAME, DRAFT_GENERATOR_VERSION } from './draft-version.ts';
import type { DraftInput, DraftManifest } from './draft-types.ts';
import { leadIns } from './lead-ins.ts';
import { permalinkTo, rawUrlTo } from './origin-of-lines.ts';
import { plainText } from './plain-text.ts';
import type { AnnexPart, DraftPlan } from './plan-draft.ts';
import type { KeywordDeclaration } from './read-keyword-declarations.ts';
import { renderConformance, renderTraceability } from './render-annex-tables.ts';
import { INFORMATIVE_KINDS, recordBlock, renderBlocks, renderPart, sourceNote } from './render-blocks.ts';
import { heading, paragraph, text, type RenderContext } from './render-context.ts';
import { renderForeword } from './render-foreword.ts';
import { renderReferences } from './render-references.ts';
import { renderSection } from './render-section.ts';
import { renderTerms } from './render-terms.ts';
import { headingAnchor, spanAnchor } from './provenance-anchor.ts';
import { rewriteLinks } from './rewrite-links.ts';

/** The written draft: its tree, its manifest, and what turns the serialised tree into the final Markdown. */
export interface RenderedDraft {
  tree: Root;
  manifest: DraftManifest;
  /** Puts the final clause IDs into the serialised Markdown. */
  finish: (markdown: string) => string;
}

/** Entries of blocks that can cite documents, with whether they stand in normative text. */
function citing(plan: DraftPlan): { entry: SpecEntry; normative: boolean }[] {
  const ofBlocks = (blocks: SpecBlock[], normative: boolean) =>
    blocks.flatMap((b) =>
      b.entries.map((entry) => ({ entry, normative: normative && INFORMATIVE_KINDS[entry.kind] === undefined })),
    );
  const ofSection = (s: SpecSection, normative: boolean): { entry: SpecEntry; normative: boolean }[] => [
    ...ofBlocks(s.blocks, normative),
    ...s.children.flatMap((c) => ofSection(c, normative)),
  ];
  return [
    ...ofBlocks(plan.introduction.blocks, false),
    ...plan.introduction.sections.flatMap((s) => ofSection(s, false)),
    ...ofBlocks(plan.scope, true),
    ...ofBlocks(plan.general, true),
    ...plan.clauses.flatMap((s) => ofSection(s, true)),
    ...plan.annexes.flatMap((a) => [
      ...ofBlocks(a.blocks, a.normative),
      ...a.children.flatMap((c) => ofSection(c, a.normative)),
    ]),
  ];
}

/**
 * Writes the planned draft as one Markdown tree (GB/T 1.1-2020 order: foreword, introduction, scope, normative
 * references, terms, clauses 4…, annexes, bibliography) and the provenance manifest alongside it. With
 * `--provenance annex` (the default) every block carries its clause ID as an anchor and the origins are in annex
 * "Source traceability" and the manifest; with `body` a source note follows each clause.
 *
 * Before: a plan with clauses [Protocol → [Frames]]
 * After:  `## 4 Protocol {#c-…}`, `### 4.1 Frames {#c-…}`; manifest clauses with IDs and origins.
 */
export function renderDraft(
  input: DraftInput,
  plan: DraftPlan,
  outlines: readonly SpecOutline[],
  declaration?: KeywordDeclaration,
): RenderedDraft {
  const L = leadIns(input.lang);
  const zh = input.lang === 'zh';
  const recorder = createDraftRecorder(input);
  const lines = new Map<number, readonly string[]>();
  const ctx: RenderContext = {
    input,
    L,
    zh,
    annexMode: (input.provenance ?? 'annex') === 'annex',
    out: [],
    recorder,
    origin: { base: input.permalinkBase, name: input.name, commit: input.commit, commits: input.commits },
    headings: new Map(),
    headingIds: new Map(),
    termIds: [],
    linkJobs: [],
    fileOf: (i) => input.files[i]!,
    linesOf: (i) => {
      let found = lines.get(i);
      if (!found) lines.set(i, (found = input.files[i]!.text.split('\n')));
      return found;
    },
  };
  const { out } = ctx;

  // What reading and sorting the files found, first, in file order.
  outlines.forEach((outline) => {
    for (const n of outline.notices) recorder.issue(n.rule, n.message, null, outline.file, n.line);
  });
  if (declaration) {
    const words = [...declaration.words].map(([word, keyword]) => `${keyword}/${word}`).join(', ');
    recorder.issue(
      'declared-keywords',
      msg('draft.lint.declared-keywords', { words }),
      null,
      declaration.file,
      declaration.line,
    );
  }
  for (const n of plan.notices) recorder.issue(n.rule, n.message, null, n.file, n.line);

  // Citations are classified before clause 2 is written, from every part that can state requirements.
  const cited = collectCitedLinks(citing(plan));
  const references = buildReferenceList(plan.normativeReferences, cited);
  for (const n of references.notices) recorder.issue(n.rule, n.message, null, n.file, n.line);

  const title = zh
    ? (input.titleZh ?? input.titleEn ?? plan.title ?? input.name)
    : (input.titleEn ?? plan.title ?? input.titleZh ?? input.name);
  const license = input.license ?? plan.license;
  out.push(draftFrontMatter(input, plan.title, license));
  out.push(heading(1, title));
  renderForeword(ctx, license);

  const introduction = msg('draft.context.introduction');
  const conventions = plan.conventions[0];
  if (plan.introduction.blocks.length > 0 || plan.introduction.sections.length > 0 || conventions) {
    out.push(heading(2, L.introduction));
    renderPart(ctx, plan.introduction.blocks, '0', L.introduction, introduction);
    if (conventions) {
      // The spec's conventions, as one sentence in the standard's wording, with the origin of what it replaces.
      const node = paragraph(text(L.conventions));
      const id = recordBlock(ctx, { ...conventions, kind: 'paragraph' }, [node], '0', L.introduction, {
        informative: introduction,
      });
      if (ctx.annexMode) node.children.unshift(spanAnchor(id), text(' '));
      out.push(node);
      if (!ctx.annexMode) out.push(sourceNote(ctx, [conventions], id));
    }
    plan.introduction.sections.forEach((s, i) => renderSection(ctx, s, `0.${i + 1}`, 2, introduction));
  }

  out.push(heading(2, `1 ${L.scope}`));
  if (plan.scope.length > 0) renderPart(ctx, plan.scope, '1', L.scope, null);
  else {
    out.push(paragraph(text(L.generatedScope(title, input.name, input.commit))));
    const abstract = plan.abstract;
    if (abstract) {
      out.push(paragraph(text(plainText(abstract.node))));
      recorder.issue('scope-drafted', msg('draft.lint.scope-drafted'), null, abstract.file, abstract.startLine);
    }
  }

  out.push(heading(2, `2 ${L.normativeReferences}`));
  if (references.normative.length > 0) {
    out.push(paragraph(text(L.normativeRefsLeadIn)));
    renderReferences(ctx, references.normative, '2', L.normativeReferences);
  } else out.push(paragraph(text(L.noNormativeRefs)));

  renderTerms(ctx, plan.terms);

  let clauseNumber = 4;
  if (plan.general.length > 0) {
    out.push(heading(2, `${clauseNumber} ${L.general}`));
    renderPart(ctx, plan.general, String(clauseNumber), L.general, null);
    clauseNumber++;
  }
  plan.clauses.forEach((section) => renderSection(ctx, section, String(clauseNumber++), 1, null));

  let letterCode = 'A'.charCodeAt(0);
  const renderAnnex = (annex: AnnexPart): void => {
    const letter = String.fromCharCode(letterCode++);
    const headingText = `${L.annex(letter, annex.normative)}${zh ? '' : ' '}${annex.title}`;
    const node = heading(2, headingText);
    out.push(node);
    const context = annex.normative ? null : msg('draft.context.informative-annex');
    const entries: SpecEntry[] = [];
    let id: string | undefined;
    if (annex.heading) {
      ctx.headings.set(annex.heading, headingText);
      id = recordBlock(ctx, { ...annex.heading.entry, kind: 'annex' }, [annex.heading.heading], letter, annex.title, {
        informative: context,
      });
      ctx.headingIds.set(annex.heading, id);
      if (ctx.annexMode) node.children.push(headingAnchor(id));
      entries.push(annex.heading.entry);
    }
    appendAll(entries, renderBlocks(ctx, annex.blocks, letter, annex.title, context));
    if (!ctx.annexMode && id && entries.length > 0) out.push(sourceNote(ctx, entries, id));
    annex.children.forEach((child, i) => renderSection(ctx, child, `${letter}.${i + 1}`, 2, context));
  };
  plan.annexes.filter((a) => a.normative).forEach(renderAnnex);
  const conformanceLetter = String.fromCharCode(letterCode++);
  // Informative annexes and the bibliography are rendered before link rewriting too, so their links resolve.
  const mark = out.length;
  plan.annexes.filter((a) => !a.normative).forEach(renderAnnex);
  const annexPart: RootContent[] = out.splice(mark);
  if (plan.bibliography.length > 0 || references.informative.length > 0) {
    out.push(heading(2, L.bibliography));
    renderBlocks(ctx, plan.bibliography, 'Bibliography', L.bibliography, msg('draft.context.bibliography'));
    renderReferences(ctx, references.informative, 'Bibliography', L.bibliography);
  }
  const bibliographyPart: RootContent[] = out.splice(mark);

  // Every block is recorded: clause IDs are final, so links can point at them.
  recorder.assignIds();
  const pathIndex = new Map(input.files.map((f, i) => [f.path, i]));
  const resolve = createAnchorResolver({
    files: input.files,
    outlines,
    plan,
    headings: ctx.headings,
    lang: input.lang,
    title,
    ...(ctx.annexMode
      ? {
          ids: {
            section: (s) => {
              const id = ctx.headingIds.get(s);
              return id === undefined ? undefined : recorder.idOf(id);
            },
            term: (i) => (ctx.termIds[i] === undefined ? undefined : recorder.idOf(ctx.termIds[i]!)),
          },
        }
      : {}),
  });
  for (const job of ctx.linkJobs) {
    const file = ctx.fileOf(job.file);
    const unresolved = rewriteLinks(job.nodes, {
      path: file.path,
      resolve,
      isSpecFile: (p) => pathIndex.has(p),
      pinned: (p, image) => (image ? rawUrlTo : permalinkTo)(input.permalinkBase, input.name, input.commit, p),
    });
    for (const url of unresolved)
      recorder.issue('unresolved-link', msg('draft.lint.unresolved-link', { url }), job.id, job.file, job.line);
  }

  const { clauses, requirements, lint } = recorder.result();
  // Annex: conformance checklist (normative), then the spec's informative annexes, then traceability.
  renderConformance(ctx, conformanceLetter, clauses, requirements);
  appendAll(out, annexPart);
  renderTraceability(ctx, String.fromCharCode(letterCode), clauses);
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
    provenance: ctx.annexMode ? 'annex' : 'body',
    previous: input.previous ? { commit: input.previous.commit ?? null, clauses: input.previous.clauses.length } : null,
    clauses,
    requirements,
    lint,
  };
  return { tree: { type: 'root', children: out }, manifest, finish: recorder.resolve };
}
