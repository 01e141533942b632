import type { SpecOutline, SpecSection } from './build-outline.ts';
import type { DraftLang, DraftSourceFile } from './draft-types.ts';
import { leadIns } from './lead-ins.ts';
import type { DraftPlan } from './plan-draft.ts';
import { slugifyHeading } from './slugify-heading.ts';

/** What the resolver needs: the spec set, and the draft heading each rendered section got. */
export interface AnchorContext {
  files: readonly DraftSourceFile[];
  outlines: readonly SpecOutline[];
  plan: DraftPlan;
  headings: ReadonlyMap<SpecSection, string>;
  lang: DraftLang;
  title: string;
  /** With clause-ID anchors (`--provenance annex`): the ID anchoring a section's heading, or a term entry. */
  ids?: { section: (section: SpecSection) => string | undefined; term: (index: number) => string | undefined };
}

/** The chain of sections from a top-level one down to `target`, or undefined. */
function trailTo(sections: readonly SpecSection[], target: SpecSection): SpecSection[] | undefined {
  for (const section of sections) {
    if (section === target) return [section];
    const below = trailTo(section.children, target);
    if (below) return [section, ...below];
  }
  return undefined;
}

/**
 * Maps a link target in the spec (`file`, GitHub anchor) to the anchor of the draft heading that now holds
 * it: its own numbered heading, else its nearest rendered ancestor, else the part it was sorted into.
 *
 * Before: (`spec.md`, `frame-format`)   After: `42-frame-format` (the draft heading `4.2 Frame format`)
 */
export function createAnchorResolver(context: AnchorContext): (path: string, anchor: string) => string | undefined {
  const L = leadIns(context.lang);
  const pathIndex = new Map(context.files.map((f, i) => [f.path, i]));
  const byRole: Record<string, string> = {
    introduction: L.introduction,
    scope: `1 ${L.scope}`,
    'normative-references': `2 ${L.normativeReferences}`,
    terms: `3 ${L.terms}`,
    bibliography: L.bibliography,
  };
  const headingOf = (section: SpecSection, outline: SpecOutline): string | undefined => {
    const own = context.headings.get(section);
    if (own) return own;
    const terms = context.plan.terms.entries;
    const term = terms.findIndex((e) => e.file === section.file && e.startLine === section.entry.startLine);
    if (term !== -1) return `3.${term + 1} ${terms[term]!.term}`;
    const trail = trailTo(outline.sections, section) ?? [];
    for (let i = trail.length - 1; i >= 0; i--) {
      const known = context.headings.get(trail[i]!);
      if (known) return known;
    }
    return byRole[trail[0]?.role ?? ''] ?? (context.files[section.file]?.role === 'terms' ? byRole.terms : undefined);
  };
  const idOf = (section: SpecSection, outline: SpecOutline): string | undefined => {
    const ids = context.ids;
    if (!ids) return undefined;
    const own = ids.section(section);
    if (own) return own;
    const terms = context.plan.terms.entries;
    const term = terms.findIndex((e) => e.file === section.file && e.startLine === section.entry.startLine);
    if (term !== -1) return ids.term(term);
    const trail = trailTo(outline.sections, section) ?? [];
    for (let i = trail.length - 1; i >= 0; i--) {
      const known = ids.section(trail[i]!);
      if (known) return known;
    }
    return undefined;
  };
  return (path, anchor) => {
    const index = pathIndex.get(path);
    if (index === undefined) return undefined;
    const outline = context.outlines[index]!;
    const section = anchor === '' ? outline.sections[0] : outline.anchors.get(anchor);
    if (!section) return anchor === '' ? slugifyHeading(context.title) : undefined;
    const id = idOf(section, outline);
    if (id) return id;
    const heading = headingOf(section, outline);
    return heading ? slugifyHeading(heading) : undefined;
  };
}
