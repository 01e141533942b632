import { fill, type Messages } from '../../../content/i18n/messages.ts';
import type { Lang } from '../../../kernel/i18n/languages.ts';
import type { NoteJson } from '../../../sync/proposals/explanatory-note/notes-service.ts';
import type { ProposalJson } from '../../../sync/proposals/proposal-json.ts';

/** A save the page refused: the person's own text, and why (in the reader's language). */
export interface RefusedSave {
  markdown: string;
  error: string;
}

const minute = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** The explanatory note page: the rendered note, its versions, downloads, and the edit form for the editors. */
export function explanatoryNoteModel(parts: {
  note: NoteJson;
  proposal: ProposalJson;
  t: Messages;
  lang: Lang;
  csrfToken: string | null;
  signedIn: boolean;
  savedVersion: number | null;
  refused: RefusedSave | null;
}) {
  const { note, proposal, t, lang, refused } = parts;
  const w = t.note;
  const label = `${note.number}${note.label}`;
  const api = `/api/proposals/${note.number}/revisions/${note.rev}`;
  const self = `/proposals/${note.number}/${note.rev}/note`;
  return {
    heading: fill(w.heading, { label }),
    title: lang === 'en' ? proposal.title.en : proposal.title.zh,
    proposalHref: `/proposals/${note.number}`,
    proposalLabel: `${w.proposal} ${note.number}`,
    draftHref: `/proposals/${note.number}/${note.rev}`,
    draftLabel: `${w.draft} ${label}`,
    state:
      note.editedBy && note.editedAt
        ? fill(w.edited, { version: note.version, by: note.editedBy, date: minute(note.editedAt) })
        : fill(w.generated, { date: minute(note.generatedAt) }),
    html: note.html,
    downloads: [
      { href: `${api}/note.md`, label: 'Markdown' },
      { href: `${api}/note`, label: 'JSON' },
    ],
    saved: parts.savedVersion === null ? null : fill(w.saved, { version: parts.savedVersion }),
    error: refused?.error ?? null,
    form: note.mayEdit
      ? {
          action: self,
          csrfToken: parts.csrfToken ?? '',
          markdown: refused ? refused.markdown : note.markdown,
          // After a refused stale save the form names the version now in force: the person has seen it above.
          version: String(note.version),
        }
      : null,
    why: note.mayEdit ? null : note.editable ? w.editorsOnly : w.fixed,
    signIn: !note.mayEdit && note.editable && !parts.signedIn ? `/signin?next=${encodeURIComponent(self)}` : null,
    edits: [...note.edits]
      .reverse()
      .map((e) => fill(w.historyItem, { version: e.version, by: e.by, date: minute(e.at) })),
  };
}
