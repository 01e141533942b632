import { msg, type Message } from '../../kernel/i18n/message.ts';
import type { CommitteeData } from './draft-types.ts';
import { heading, paragraph, text, type RenderContext } from './render-context.ts';

// What the Foreword and the cover state of the committee, in GB/T 1.1-2020's order; each missing one is reported.
const FIELDS: [keyof CommitteeData, Message][] = [
  ['proposer', msg('draft.field.proposer')],
  ['committee', msg('draft.field.committee')],
  ['draftingUnits', msg('draft.field.drafting-units')],
  ['drafters', msg('draft.field.drafters')],
  ['ics', msg('draft.field.ics')],
  ['ccs', msg('draft.field.ccs')],
];

/**
 * Writes the Foreword: the drafting rules, where the text came from and under which license, the patent notice, then
 * the proposing unit (提出单位), the responsible committee (归口单位), the drafting units (起草单位) and drafters
 * (起草人). Every piece of committee data that is missing (these four, and the ICS and CCS codes of the cover) is
 * listed in the lint report instead of being left out silently.
 *
 * Before: committee { proposer: 'X 协会' }   After: `本文件由X 协会提出。` and lint for the five missing fields
 */
export function renderForeword(ctx: RenderContext, license: string | undefined): void {
  const { L, out } = ctx;
  const data = ctx.input.committee ?? {};
  out.push(heading(2, L.foreword));
  out.push(paragraph(text(L.draftedPerGbt)));
  out.push(paragraph(text(L.origin(ctx.input.name, ctx.input.commit))));
  out.push(paragraph(text(L.license(license))));
  out.push(paragraph(text(L.patentNotice)));
  if (data.proposer) out.push(paragraph(text(L.proposedBy(data.proposer))));
  if (data.committee) out.push(paragraph(text(L.responsibleCommittee(data.committee))));
  if (data.draftingUnits?.length) out.push(paragraph(text(L.draftingUnits(data.draftingUnits))));
  if (data.drafters?.length) out.push(paragraph(text(L.drafters(data.drafters))));
  for (const [field, name] of FIELDS) {
    const value = data[field];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
      ctx.recorder.issueOfDraft('missing-committee-data', msg('draft.lint.missing-committee-data', { field: name }));
  }
}
