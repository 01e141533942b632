import type { Element, ElementContent } from 'hast';
import type { CommitRef, ManifestClause } from '../../draft/draft-types.ts';
import type { LabelClass } from './draft-label-css.ts';
import { swhidOfLines } from '../../draft/swhid.ts';
import { sourceViewHref } from '../source-view-href.ts';
import { el, txt } from './hast-builder.ts';

// A clause's provenance as a native popover (`popover` + `popovertarget`: no script, so the CSP's script-src
// 'self' is enough): file, lines, pinned commit, the commits that introduced and last changed the lines, the
// authors, the lines' SWHID, and links to the portal's own source view and the upstream permalink, all from the
// manifest.
//   <button popovertarget="p-c-1f…">§</button> … <div popover id="p-c-1f…"><dl>…</dl>
//     <a href="/source/acme/p/blob/1f…/spec.md?lines=5-9#L5-L9"> <a href="https://…#L5-L9">

const short = (sha: string) => sha.slice(0, 7);

/** The id of a clause's popover. */
export const popoverId = (clauseId: string) => `p-${clauseId}`;

/** The id of the page's one label of the controls, in the reader's language (the page renders it). */
export const PROVENANCE_LABEL_ID = 'prov-label';

/** The small control that opens a clause's popover; its accessible name is the page's label. */
export function provenanceButton(clauseId: string): Element {
  return el(
    'button',
    // No type (outside a form a button submits nothing) and no title (the popover names the ID): 5,000 of these.
    { className: ['prov-btn'], popoverTarget: popoverId(clauseId), ariaLabelledBy: [PROVENANCE_LABEL_ID] },
    [txt('§')],
  );
}

const label = (name: LabelClass, tag = 'dt'): Element => el(tag, { className: [name] });
const unknown = (): ElementContent[] => [el('span', { className: ['lb-unknown'] })];

const commitLine = (ref: CommitRef | null): ElementContent[] =>
  ref === null ? unknown() : [el('code', {}, [txt(short(ref.sha))]), txt(` ${ref.author} · ${ref.date.slice(0, 10)}`)];

/**
 * The popover of one clause (`authors`: who wrote its lines, from the manifest's commits; `repository`: the
 * manifest's `source.name`, `owner/repo`, for the link to the portal's source view; `origin`: its
 * `source.repository`, the URL a SWHID names when the manifest, made before SWHIDs, has none). Labels: see
 * draft-label-css.
 */
export function provenancePopover(
  clause: ManifestClause,
  authors: readonly string[],
  repository = '',
  origin?: string,
): Element {
  const o = clause.origin;
  const swhid = o.swhid ?? swhidOfLines(o.commit, origin, o.path, o.startLine, o.endLine);
  const lines = o.startLine === o.endLine ? String(o.startLine) : `${o.startLine}–${o.endLine}`;
  const safe = /^https?:\/\//i.test(o.permalink);
  const portal = sourceViewHref(repository, o.commit, o.path, [o.startLine, o.endLine]);
  return el('div', { popover: 'auto', id: popoverId(clause.id), className: ['prov-pop'] }, [
    el('p', { className: ['prov-head'] }, [
      label('lb-source', 'strong'),
      txt(' '),
      el('code', {}, [txt(clause.number === '0' ? clause.id : `${clause.number} · ${clause.id}`)]),
    ]),
    el('dl', {}, [
      label('lb-file'),
      el('dd', {}, [el('code', {}, [txt(o.path)])]),
      label('lb-lines'),
      el('dd', {}, [txt(lines)]),
      label('lb-pinned'),
      el('dd', {}, [el('code', {}, [txt(o.commit.slice(0, 12))])]),
      label('lb-introduced'),
      el('dd', {}, commitLine(o.introducedIn)),
      label('lb-changed'),
      el('dd', {}, commitLine(o.lastChangedIn)),
      label('lb-authors'),
      el('dd', {}, authors.length ? [txt(authors.join(', '))] : unknown()),
      ...(swhid ? [label('lb-swhid'), el('dd', {}, [el('code', { className: ['prov-swhid'] }, [txt(swhid)])])] : []),
    ]),
    ...(portal ? [el('a', { href: portal, className: ['lb-portal'] }), txt(' ')] : []),
    ...(safe ? [el('a', { href: o.permalink, className: ['lb-permalink'], rel: ['noopener', 'noreferrer'] })] : []),
  ]);
}
