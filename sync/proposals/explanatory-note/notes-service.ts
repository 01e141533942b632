import type { NoteRow } from '../../../db/proposals/note-queries.ts';
import type { RevisionRow } from '../../../db/proposals/revision-queries.ts';
import type { Store } from '../../../db/store.ts';
import { renderMarkdown } from '../../../content/render/render-markdown.ts';
import { isoNow, type Clock } from '../../../kernel/clock.ts';
import { DomainError } from '../../../kernel/errors/domain-error.ts';
import type { MaturityService } from '../../maturity/maturity-service.ts';
import type { ProposalActor, ProposalsService } from '../proposals-service.ts';
import { mayTake } from '../workflow/decide-action.ts';
import { generateNote } from './generate-note.ts';
import { noteInputOf } from './note-input-of.ts';

/** The largest note an editor may save, in bytes of UTF-8. */
export const NOTE_MAX_BYTES = 200 * 1024;

/** A revision's explanatory note as the API and the page show it. */
export interface NoteJson {
  number: string;
  rev: number;
  label: string;
  markdown: string;
  /** `markdown` through the sanitising pipeline. */
  html: string;
  /** The skeleton as the portal generated it (kept when the editors replace the text). */
  generated: string;
  generatedAt: string;
  editedBy: string | null;
  editedAt: string | null;
  /** Bumped by every save; a save names the version it was written against. */
  version: number;
  /** Whether the note may change now: the latest ready revision, in a stage where the draft is worked on. */
  editable: boolean;
  /** Whether the asker may save it now (editable, and the asker is one of the editors). */
  mayEdit: boolean;
  edits: { version: number; by: string; at: string }[];
}

/** The explanatory notes, for the API, the page and the CLI. */
export interface NotesService {
  /** The note of a ready revision; its skeleton is generated on first read and kept. */
  get(number: string, rev: number, actor: ProposalActor | null): NoteJson;
  /** Saves the editors' text if the note still has `version` (else 409 with the version now in force). */
  save(number: string, rev: number, request: { markdown: unknown; version: unknown }, actor: ProposalActor): NoteJson;
}

export interface NotesDeps {
  store: Store;
  clock: Clock;
  proposals: Pick<ProposalsService, 'revision' | 'workflow'>;
  maturity: Pick<MaturityService, 'read' | 'levelName'>;
}

/** The notes service over one store: skeletons generated lazily, edits with optimistic concurrency. */
export function createNotesService(deps: NotesDeps): NotesService {
  const { store, clock, proposals, maturity } = deps;

  const revisionOf = (number: string, rev: number) => {
    const { summary, row } = proposals.revision(number, rev);
    if (row.status !== 'ready' || row.draft_md === null || row.manifest_json === null)
      throw new DomainError(
        'conflict',
        'revision_not_ready',
        `revision ${summary.label} of ${summary.number} is ${summary.status}: its explanatory note is made once it is ready`,
      );
    return { summary, row: row as RevisionRow & { draft_md: string; manifest_json: string } };
  };

  const ensure = (revision: RevisionRow & { draft_md: string; manifest_json: string }): NoteRow => {
    const existing = store.notes.get(revision.number, revision.rev);
    if (existing) return existing;
    const proposal = store.proposals.get(revision.number)!;
    const markdown = generateNote(
      noteInputOf({
        proposal,
        project: store.repositories.get(proposal.repository_id)?.full_name ?? '?',
        history: store.proposals.history(proposal.number),
        revisions: store.revisions.list(proposal.number),
        revision,
        workflow: proposals.workflow().workflow,
        maturity: maturity.read(proposal.repository_id),
        levelName: (level) => maturity.levelName(level, 'zh-CN'),
        lang: 'zh',
        now: isoNow(clock),
      }),
      'zh',
    );
    const html = renderMarkdown(markdown);
    store.notes.insertGenerated({ number: revision.number, rev: revision.rev, markdown, html, at: isoNow(clock) });
    return store.notes.get(revision.number, revision.rev)!;
  };

  // Editable while the revision is the latest ready one and the proposal is in a stage where its text is worked on
  // (the workflow's `revise.in`, or a stage the editors hold, as public comment): not once published, deferred or
  // closed, and never for a revision a later one replaced.
  const editableNow = (revision: RevisionRow): boolean => {
    const proposal = store.proposals.get(revision.number)!;
    const flow = proposals.workflow().workflow;
    const stage = flow.stages.find((s) => s.id === proposal.stage);
    const worked = flow.revise.in.includes(proposal.stage) || stage?.holder === 'editors';
    return worked && store.revisions.latestReady(revision.number)?.rev === revision.rev;
  };

  const isEditor = (revision: RevisionRow, actor: ProposalActor | null): boolean => {
    if (actor === null) return false;
    const proposal = store.proposals.get(revision.number)!;
    const project = store.repositories.get(proposal.repository_id)?.full_name ?? '';
    const maintainer = actor.maintainerOf.some((p) => p.toLowerCase() === project.toLowerCase());
    return mayTake(proposals.workflow().workflow.revise, { login: actor.login, roles: actor.roles, maintainer });
  };

  const json = (note: NoteRow, revision: RevisionRow, label: string, actor: ProposalActor | null): NoteJson => {
    const editable = editableNow(revision);
    return {
      number: note.number,
      rev: note.rev,
      label,
      markdown: note.markdown,
      html: note.html,
      generated: note.generated_markdown,
      generatedAt: note.generated_at,
      editedBy: note.edited_by,
      editedAt: note.edited_at,
      version: note.version,
      editable,
      mayEdit: editable && isEditor(revision, actor),
      edits: store.notes
        .edits(note.number, note.rev)
        .map((e) => ({ version: e.version, by: e.edited_by, at: e.edited_at })),
    };
  };

  return {
    get(number, rev, actor) {
      const { summary, row } = revisionOf(number, rev);
      const note = store.transaction(() => ensure(row));
      return json(note, row, summary.label, actor);
    },

    save(number, rev, request, actor) {
      const { summary, row } = revisionOf(number, rev);
      const name = `${summary.number}${summary.label}`;
      if (!isEditor(row, actor))
        throw new DomainError(
          'forbidden',
          'not_allowed',
          `only the editors (${proposals.workflow().workflow.revise.by.join(' or ')} of the project) may edit the explanatory note of ${name}`,
        );
      const { markdown, version } = request;
      if (typeof markdown !== 'string' || markdown.trim() === '')
        throw new DomainError('invalid', 'note_empty', 'the note is empty: send its Markdown as "markdown"');
      if (Buffer.byteLength(markdown, 'utf8') > NOTE_MAX_BYTES)
        throw new DomainError('invalid', 'note_too_large', 'the note is larger than 200 KB: shorten it', {
          limitKb: 200,
        });
      const expected = typeof version === 'string' && /^\d{1,9}$/.test(version) ? Number(version) : version;
      if (typeof expected !== 'number' || !Number.isInteger(expected))
        throw new DomainError(
          'invalid',
          'note_version_required',
          'say which version of the note you edited as "version" (read it with GET first)',
        );
      const saved = store.transaction(() => {
        const note = ensure(row);
        if (!editableNow(row))
          throw new DomainError(
            'conflict',
            'note_not_editable',
            `the explanatory note of ${name} is fixed: only the note of the latest revision changes, while the proposal is being worked on`,
          );
        const at = isoNow(clock);
        const text = markdown.replace(/\r\n?/g, '\n');
        if (
          !store.notes.save(row.number, row.rev, {
            markdown: text,
            html: renderMarkdown(text),
            by: actor.login,
            at,
            version: expected,
          })
        )
          throw new DomainError(
            'conflict',
            'note_changed',
            `the explanatory note of ${name} was saved meanwhile (now version ${note.version}): reload it, merge your changes and save again`,
            { version: note.version },
          );
        return store.notes.get(row.number, row.rev)!;
      });
      return json(saved, row, summary.label, actor);
    },
  };
}
