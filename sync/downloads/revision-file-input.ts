import type { DraftManifest } from '../../content/draft/draft-types.ts';
import type { RevisionDocxMeta } from '../../content/publish/docx/revision-docx-meta.ts';
import type { PrintMeta } from '../../content/publish/pdf/print-meta.ts';
import { isDraftHtml, renderDraftHtml } from '../../content/render/render-draft-html.ts';
import type { ProposalRow } from '../../db/proposals/proposal-queries.ts';
import type { RevisionRow } from '../../db/proposals/revision-queries.ts';
import { revLabel } from '../proposals/proposal-json.ts';
import type { Workflow } from '../proposals/workflow/workflow-schema.ts';

/** What the Word and PDF files of one ready revision are made from. */
export interface RevisionFileInput {
  /** `MP-2026-001-02`: the files' name. */
  label: string;
  markdown: string;
  manifest: DraftManifest;
  /** The draft's HTML as the revision page shows it (rendered again for revisions stored before it was kept). */
  html: string;
  docxMeta: RevisionDocxMeta;
  printMeta: PrintMeta;
}

/**
 * The input of a revision's files from its rows: the draft's name is the one of the stage it was generated in
 * (征求意见稿, 送审稿 …; the stage's own name where it names no draft), in the draft's language for the print.
 */
export function revisionFileInput(proposal: ProposalRow, revision: RevisionRow, flow: Workflow): RevisionFileInput {
  if (revision.status !== 'ready' || !revision.draft_md || !revision.manifest_json)
    throw new Error(`revision ${revision.rev} of ${revision.number} is not ready`);
  const manifest = JSON.parse(revision.manifest_json) as DraftManifest;
  const stage = flow.stages.find((s) => s.id === revision.stage);
  const draftName = stage?.draftName ?? stage?.name ?? { zh: revision.stage, en: revision.stage };
  const label = `${proposal.number}${revLabel(revision.rev)}`;
  return {
    label,
    markdown: revision.draft_md,
    manifest,
    html: isDraftHtml(revision.draft_html) ? revision.draft_html! : renderDraftHtml(revision.draft_md, manifest),
    docxMeta: { proposal: proposal.number, revision: label, stage: draftName, lang: manifest.lang },
    printMeta: {
      proposalNumber: proposal.number,
      revisionLabel: label,
      draftName: manifest.lang === 'zh' ? draftName.zh : draftName.en,
      lang: manifest.lang === 'zh' ? 'zh-CN' : 'en',
    },
  };
}
