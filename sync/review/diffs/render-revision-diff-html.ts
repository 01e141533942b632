import type { RequirementForm } from '../../../content/draft/draft-types.ts';
import { fill } from '../../../content/i18n/messages.ts';
import type {
  ClausePlace,
  DiffClause,
  EditedClause,
  MovedClause,
  RegisterEntry,
  RevisionDiff,
  StrengthChange,
  StrengthDirection,
  WordPart,
} from './revision-diff.ts';

/**
 * The words the diff fragment prints, in the reader's language (the page takes them from its catalogue). Templates
 * fill `{name}` placeholders; every text, template or not, is escaped before it is written.
 */
export interface RevisionDiffLabels {
  /** Heading of the counts. */
  summary: string;
  edited: string;
  moved: string;
  added: string;
  removed: string;
  unchanged: string;
  renumbered: string;
  /** Heading of the strength changes, and the name of their count. */
  strengthChanges: string;
  /** Heading of the requirements register diff. */
  requirements: string;
  requirementsAdded: string;
  requirementsRemoved: string;
  /** Said when no clause and no requirement changed. */
  noChanges: string;
  /** Where an edited or moved clause was; `{number}` and `{headings}`. */
  wasAt: string;
  /** Where a clause is now; `{number}` and `{headings}`. */
  nowAt: string;
  /** Why a clause counts as moved. */
  reasons: Record<MovedClause['reasons'][number], string>;
  /** The verbal forms (shall, 应, …). */
  forms: Record<RequirementForm, string>;
  directions: Record<StrengthDirection, string>;
  /** Column headings of the register tables. */
  requirement: string;
  clause: string;
  form: string;
  text: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
// Table rows and code keep their lines; the stylesheet need not know about this fragment.
const escapeText = (text: string): string => escape(text).replace(/\n/g, '<br>');
const template = (text: string, values: Record<string, string>): string =>
  fill(escape(text), Object.fromEntries(Object.entries(values).map(([k, v]) => [k, escape(v)])));

const clauseLink = (id: string, number: string): string =>
  `<a class="diff-number" href="#${escape(id)}">${escape(number)}</a>`;
const clauseHeading = (c: Pick<DiffClause, 'id' | 'number' | 'title'>): string =>
  `<h3>${clauseLink(c.id, c.number)} ${escape(c.title)} <code class="diff-id">${escape(c.id)}</code></h3>`;
const where = (label: string, p: ClausePlace): string =>
  `<span class="diff-place">${template(label, { number: p.number, headings: p.headingPath.join(' › ') })}</span>`;

function renderParts(parts: readonly WordPart[]): string {
  return parts
    .map((p) =>
      p.op === 'insert'
        ? `<ins>${escapeText(p.text)}</ins>`
        : p.op === 'delete'
          ? `<del>${escapeText(p.text)}</del>`
          : escapeText(p.text),
    )
    .join('');
}

function renderStrength(change: StrengthChange, labels: RevisionDiffLabels, clause?: string): string {
  return (
    `<li class="strength-change strength-${change.direction}">` +
    (clause ?? '') +
    `<code class="diff-requirement">${escape(change.requirementId)}</code> ` +
    `<strong class="strength-forms"><del>${escape(labels.forms[change.from])}</del> → ` +
    `<ins>${escape(labels.forms[change.to])}</ins></strong> ` +
    `<span class="strength-direction">${escape(labels.directions[change.direction])}</span> ` +
    `<q>${escapeText(change.text)}</q></li>`
  );
}

const strengthList = (changes: readonly StrengthChange[], labels: RevisionDiffLabels): string =>
  changes.length === 0
    ? ''
    : `<ul class="strength-changes">${changes.map((c) => renderStrength(c, labels)).join('')}</ul>`;

function renderEdited(c: EditedClause, labels: RevisionDiffLabels): string {
  const moved = c.moved || c.from.number !== c.number;
  return (
    `<article class="diff-clause diff-edited" id="${escape(c.id)}">${clauseHeading(c)}` +
    (moved ? `<p class="diff-move">${where(labels.wasAt, c.from)}</p>` : '') +
    `<p class="diff-words">${renderParts(c.parts)}</p>${strengthList(c.strengthChanges, labels)}</article>`
  );
}

function renderMoved(c: MovedClause, labels: RevisionDiffLabels): string {
  const why = c.reasons.map((r) => escape(labels.reasons[r])).join(', ');
  return (
    `<article class="diff-clause diff-moved" id="${escape(c.id)}">${clauseHeading(c)}` +
    `<p class="diff-move">${where(labels.wasAt, c.from)} → ${where(labels.nowAt, c)} <span class="diff-reasons">(${why})</span></p>` +
    `<p class="diff-words">${escapeText(c.text)}</p>${strengthList(c.strengthChanges, labels)}</article>`
  );
}

const renderWhole = (c: DiffClause, tag: 'ins' | 'del', kind: string): string =>
  `<article class="diff-clause diff-${kind}" id="${escape(c.id)}">${clauseHeading(c)}` +
  `<p class="diff-words"><${tag}>${escapeText(c.text)}</${tag}></p></article>`;

function registerTable(entries: readonly RegisterEntry[], labels: RevisionDiffLabels): string {
  const head = [labels.requirement, labels.clause, labels.form, labels.text].map((h) => `<th>${escape(h)}</th>`);
  const rows = entries.map(
    (e) =>
      `<tr><td><code>${escape(e.requirementId)}</code></td><td>${clauseLink(e.clauseId, e.clauseNumber)} ` +
      `<code class="diff-id">${escape(e.clauseId)}</code></td><td>${escape(labels.forms[e.form])}</td>` +
      `<td>${escapeText(e.text)}</td></tr>`,
  );
  return `<table><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

const section = (kind: string, heading: string, count: number, body: string): string =>
  count === 0
    ? ''
    : `<section class="diff-section diff-${kind}-section" id="diff-${kind}"><h2>${escape(heading)} (${count})</h2>${body}</section>`;

/**
 * Renders a revision diff as an HTML fragment for the page `/proposals/<number>/diff/<a>..<b>`: the counts, then a
 * section per kind of change (strength changes first, flagged with their forms from → to; edited clauses with
 * `<del>`/`<ins>` word changes; moved, added and removed clauses; renumbered headings; the requirements register).
 * Each clause is an `<article id="<clause id>">` (IDs are `c-…`, so anchors read `#c-…`, as in the draft page)
 * headed by its number and ID. Every text is escaped: nothing from the source is written raw.
 *
 * Before: edited c-5d4a… `Frames ` - `should` + `shall` ` be small.`, labels (en)
 * After:  `… <article … id="c-5d4a…"><h3><a … href="#c-5d4a…">4</a> Transport …</h3>
 *          <p class="diff-words">Frames <del>should</del><ins>shall</ins> be small.</p> …`
 */
export function renderRevisionDiffHtml(diff: RevisionDiff, labels: RevisionDiffLabels): string {
  const s = diff.summary;
  const counts: [string, number][] = [
    [labels.edited, s.edited],
    [labels.moved, s.moved],
    [labels.added, s.added],
    [labels.removed, s.removed],
    [labels.unchanged, s.unchanged],
    [labels.renumbered, s.renumbered],
    [labels.strengthChanges, s.strengthChanged],
    [labels.requirementsAdded, s.requirementsAdded],
    [labels.requirementsRemoved, s.requirementsRemoved],
  ];
  const summary =
    `<section class="diff-section diff-summary" id="diff-summary"><h2>${escape(labels.summary)}</h2><dl>` +
    counts.map(([label, n]) => `<dt>${escape(label)}</dt><dd>${n}</dd>`).join('') +
    '</dl></section>';
  const nothing =
    s.edited + s.moved + s.added + s.removed + s.renumbered + s.requirementsAdded + s.requirementsRemoved === 0
      ? `<p class="diff-none">${escape(labels.noChanges)}</p>`
      : '';
  const strength = diff.requirements.strengthChanged.map((c) =>
    renderStrength(c, labels, `${clauseLink(c.clauseId, c.clauseNumber)} `),
  );
  const renumbered = diff.renumbered.map(
    (h) =>
      `<li>${clauseLink(h.id, h.to)} ${escape(h.title)} <code class="diff-id">${escape(h.id)}</code> ` +
      `<span class="diff-place">${escape(h.from)} → ${escape(h.to)}</span></li>`,
  );
  const r = diff.requirements;
  const register =
    (r.added.length > 0 ? `<h3>${escape(labels.requirementsAdded)}</h3>${registerTable(r.added, labels)}` : '') +
    (r.removed.length > 0 ? `<h3>${escape(labels.requirementsRemoved)}</h3>${registerTable(r.removed, labels)}` : '');
  return [
    '<div class="revision-diff">',
    summary,
    nothing,
    section(
      'strength',
      labels.strengthChanges,
      strength.length,
      `<ul class="strength-changes">${strength.join('')}</ul>`,
    ),
    section('edited', labels.edited, diff.edited.length, diff.edited.map((c) => renderEdited(c, labels)).join('')),
    section('moved', labels.moved, diff.moved.length, diff.moved.map((c) => renderMoved(c, labels)).join('')),
    section('added', labels.added, diff.added.length, diff.added.map((c) => renderWhole(c, 'ins', 'added')).join('')),
    section(
      'removed',
      labels.removed,
      diff.removed.length,
      diff.removed.map((c) => renderWhole(c, 'del', 'removed')).join(''),
    ),
    section('renumbered', labels.renumbered, renumbered.length, `<ul>${renumbered.join('')}</ul>`),
    section('requirements', labels.requirements, r.added.length + r.removed.length, register),
    '</div>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}
