import type { SpecSection } from './build-outline.ts';
import type { SectionRole } from './classify-section.ts';

/** A section routed to a part of the standard, with the role it goes by. */
export interface PlacedSection {
  section: SpecSection;
  role: SectionRole;
  /** True for an Abstract (or 摘要): the Scope is drafted from it when the spec has none. */
  abstract: boolean;
}

// Roles found wherever a section sits: IETF-style specs put Terminology and Scope under "1. Introduction",
// CloudEvents-style specs put Notational Conventions and Terminology under "2. Notations and Terminology".
const ANY_DEPTH = new Set<SectionRole>(['terms', 'conventions', 'scope', 'normative-references', 'bibliography']);
const ABSTRACT = /^(abstract|summary|摘要|概要)$/i;

const isAbstract = (section: SpecSection): boolean => ABSTRACT.test(section.title.trim());

/** Roles that are taken out of a section of role `parent` and placed on their own. */
function detached(parent: SectionRole, child: SectionRole, abstract: boolean): boolean {
  // Conventions are replaced wherever they are, even inside a terminology section.
  if (child === 'conventions') return true;
  if (parent === 'clauses' || parent === 'introduction') return ANY_DEPTH.has(child) || abstract;
  // "References" holding "Normative References" and "Informative References".
  return parent === 'bibliography' && child === 'normative-references';
}

/**
 * Places the sections of a spec file by meaning at any depth: top-level sections by their role, and below them
 * Terminology, Notational Conventions, Scope, normative and informative references and the Abstract wherever they
 * sit (taken out of their parent). Other nested sections stay where they are. Document order is kept.
 *
 * Before: [`Introduction` → [`Scope`, `Terminology`], `Protocol` → [`Conventions`, `Frames`]]
 * After:  [Introduction (introduction), Scope (scope), Terminology (terms), Protocol (clauses) → [Frames],
 *          Conventions (conventions)]
 */
export function placeSections(sections: readonly SpecSection[]): PlacedSection[] {
  const placed: PlacedSection[] = [];
  const visit = (section: SpecSection, role: SectionRole): void => {
    const taken: PlacedSection[] = [];
    section.children = section.children.filter((child) => {
      const abstract = isAbstract(child);
      const childRole = abstract ? 'introduction' : child.role;
      if (!detached(role, childRole, abstract)) return true;
      taken.push({ section: child, role: childRole, abstract });
      return false;
    });
    for (const child of section.children) visit(child, role);
    for (const item of taken) {
      placed.push(item);
      visit(item.section, item.role);
    }
  };
  for (const section of sections) {
    const abstract = isAbstract(section);
    const item = { section, role: section.role, abstract };
    placed.push(item);
    visit(section, section.role);
  }
  return placed;
}
