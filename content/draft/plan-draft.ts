import { msg } from '../../kernel/i18n/message.ts';
import type { SpecBlock, SpecEntry, SpecOutline, SpecSection } from './build-outline.ts';
import type { DraftSourceFile } from './draft-types.ts';
import { appendAll } from './append-all.ts';
import { extractTerms, type TermsPart } from './extract-terms.ts';
import { withoutStageLabel } from './find-stage-labels.ts';
import { placeSections } from './place-sections.ts';
import type { PlanNotice } from './plan-notice.ts';

/** An annex taken from the spec: a whole file, or an "Appendix" section. */
export interface AnnexPart {
  normative: boolean;
  title: string;
  heading: SpecSection | undefined;
  blocks: SpecBlock[];
  children: SpecSection[];
}

/** The spec set sorted into the parts of a standard, before numbering. */
export interface DraftPlan {
  title: string | undefined;
  license: string | undefined;
  introduction: { blocks: SpecBlock[]; sections: SpecSection[] };
  /** The first paragraph of the spec's Abstract: the Scope is drafted from it when the spec has no Scope. */
  abstract: SpecEntry | undefined;
  /** What the spec said about its own keywords (conventions sections and paragraphs), replaced as a whole. */
  conventions: SpecEntry[];
  scope: SpecBlock[];
  normativeReferences: SpecBlock[];
  terms: TermsPart;
  /** Requirements found in introductory text: kept out of the Introduction, they open the technical clauses. */
  general: SpecBlock[];
  clauses: SpecSection[];
  annexes: AnnexPart[];
  bibliography: SpecBlock[];
  /** Every section of every file, for resolving links. */
  sections: SpecSection[];
  notices: PlanNotice[];
}

const hasRequirement = (block: SpecBlock): boolean => block.entries.some((e) => e.scan.hits.length > 0);
const flatBlocks = (section: SpecSection): SpecBlock[] => [...section.blocks, ...section.children.flatMap(flatBlocks)];
const allSections = (section: SpecSection): SpecSection[] => [section, ...section.children.flatMap(allSections)];
const fileTitle = (path: string): string => (path.split('/').pop() ?? path).replace(/\.(md|markdown|mdown|mkd)$/i, '');

/** Moves requirement-bearing blocks of introductory sections into `general`, keeping the rest. */
function keepRequirementsOut(blocks: SpecBlock[], general: SpecBlock[]): SpecBlock[] {
  const kept: SpecBlock[] = [];
  for (const block of blocks) (hasRequirement(block) ? general : kept).push(block);
  return kept;
}

function stripRequirements(section: SpecSection, general: SpecBlock[]): void {
  section.blocks = keepRequirementsOut(section.blocks, general);
  section.children.forEach((child) => stripRequirements(child, general));
}

/** Takes the spec's conventions paragraphs out of `blocks` (they are replaced by the standard's wording). */
function withoutConventions(blocks: SpecBlock[], plan: DraftPlan): SpecBlock[] {
  if (!blocks.some((b) => b.entries.some((e) => e.conventions))) return blocks;
  return blocks.filter((block) => {
    const entry = block.entries.find((e) => e.conventions);
    if (!entry) return true;
    plan.conventions.push(entry);
    plan.notices.push({
      rule: 'conventions-replaced',
      message: msg('draft.lint.conventions-paragraph-replaced'),
      file: entry.file,
      line: entry.startLine,
    });
    return false;
  });
}

function sectionsWithoutConventions(sections: SpecSection[], plan: DraftPlan): void {
  for (const section of sections) {
    section.blocks = withoutConventions(section.blocks, plan);
    sectionsWithoutConventions(section.children, plan);
  }
}

/** A conventions section goes as a whole: its text is replaced by the standard's wording. */
function replaceConventions(section: SpecSection, plan: DraftPlan): void {
  for (const block of flatBlocks(section)) appendAll(plan.conventions, block.entries);
  plan.notices.push({
    rule: 'conventions-replaced',
    message: msg('draft.lint.conventions-replaced', { title: section.title }),
    file: section.file,
    line: section.entry.startLine,
  });
}

/**
 * Sorts the outlines of the spec files into the parts of a standard by file role and section meaning, at any
 * depth (see `placeSections`).
 *
 * Before: files [spec.md: `# Spec`, `## Abstract`, `## Notations` → [`### Terminology`], `## Protocol`]
 * After:  introduction [Abstract], terms [...], clauses [Protocol]
 */
export function planDraft(
  files: readonly DraftSourceFile[],
  outlines: readonly SpecOutline[],
  texts: readonly string[],
): DraftPlan {
  const plan: DraftPlan = {
    title: undefined,
    license: undefined,
    introduction: { blocks: [], sections: [] },
    abstract: undefined,
    conventions: [],
    scope: [],
    normativeReferences: [],
    terms: { entries: [], other: [], notices: [] },
    general: [],
    clauses: [],
    annexes: [],
    bibliography: [],
    sections: outlines.flatMap((o) => o.sections.flatMap(allSections)),
    notices: [],
  };
  const addTerms = (part: TermsPart): void => {
    appendAll(plan.terms.entries, part.entries);
    appendAll(plan.terms.other, part.other);
    appendAll(plan.notices, part.notices);
  };
  outlines.forEach((outline, i) => {
    const file = files[i]!;
    const text = texts[i]!;
    const fm = outline.frontMatter;
    if (plan.title === undefined && typeof fm.title === 'string') plan.title = fm.title;
    if (plan.title === undefined && outline.title) plan.title = withoutStageLabel(outline.title);
    if (plan.license === undefined && typeof fm.license === 'string') plan.license = fm.license;
    const single = outline.sections.length === 1 ? outline.sections[0] : undefined;
    switch (file.role) {
      case 'introduction':
        // An introduction file's single top heading is just its title ("Overview", "Intro", ...).
        if (single) {
          appendAll(plan.introduction.blocks, outline.preamble, single.blocks);
          appendAll(plan.introduction.sections, single.children);
        } else {
          appendAll(plan.introduction.blocks, outline.preamble);
          appendAll(plan.introduction.sections, outline.sections);
        }
        return;
      case 'terms':
        if (single && single.role === 'terms')
          addTerms(extractTerms([...outline.preamble, ...single.blocks], single.children, text));
        else addTerms(extractTerms(outline.preamble, outline.sections, text));
        return;
      case 'normative-annex':
      case 'informative-annex': {
        const normative = file.role === 'normative-annex';
        if (single)
          plan.annexes.push({
            normative,
            title: single.title,
            heading: single,
            blocks: [...outline.preamble, ...single.blocks],
            children: single.children,
          });
        else
          plan.annexes.push({
            normative,
            title: typeof fm.title === 'string' ? fm.title : (outline.title ?? fileTitle(file.path)),
            heading: undefined,
            blocks: outline.preamble,
            children: outline.sections,
          });
        return;
      }
      case 'clauses':
        appendAll(plan.introduction.blocks, outline.preamble);
        for (const { section, role, abstract } of placeSections(outline.sections)) {
          if (abstract && !plan.abstract)
            plan.abstract = section.blocks.find((b) => b.kind === 'paragraph')?.entries[0];
          switch (role) {
            case 'introduction':
              appendAll(plan.introduction.blocks, section.blocks);
              appendAll(plan.introduction.sections, section.children);
              break;
            case 'scope':
              appendAll(plan.scope, flatBlocks(section));
              break;
            case 'terms':
              addTerms(extractTerms(section.blocks, section.children, text));
              break;
            case 'conventions':
              replaceConventions(section, plan);
              break;
            case 'normative-references':
              appendAll(plan.normativeReferences, flatBlocks(section));
              break;
            case 'bibliography':
              appendAll(plan.bibliography, flatBlocks(section));
              break;
            case 'normative-annex':
            case 'informative-annex':
              plan.annexes.push({
                normative: role === 'normative-annex',
                title: section.title,
                heading: section,
                blocks: section.blocks,
                children: section.children,
              });
              break;
            case 'clauses':
              plan.clauses.push(section);
          }
        }
    }
  });
  // The spec's own conventions paragraphs, wherever they stood, give way to the standard's wording.
  plan.introduction.blocks = withoutConventions(plan.introduction.blocks, plan);
  plan.scope = withoutConventions(plan.scope, plan);
  plan.terms.other = withoutConventions(plan.terms.other, plan);
  plan.normativeReferences = withoutConventions(plan.normativeReferences, plan);
  plan.bibliography = withoutConventions(plan.bibliography, plan);
  sectionsWithoutConventions(plan.introduction.sections, plan);
  sectionsWithoutConventions(plan.clauses, plan);
  for (const annex of plan.annexes) {
    annex.blocks = withoutConventions(annex.blocks, plan);
    sectionsWithoutConventions(annex.children, plan);
  }
  plan.introduction.blocks = keepRequirementsOut(plan.introduction.blocks, plan.general);
  plan.introduction.sections.forEach((s) => stripRequirements(s, plan.general));
  return plan;
}
