import { fill, type Messages } from '../../../content/i18n/messages.ts';
import { isDomainError } from '../../../kernel/errors/domain-error.ts';
import type { ProposalsService } from '../../../sync/proposals/proposals-service.ts';
import type { FormProblem } from './proposal-model.ts';

/** What the person typed into the proposal form, as text fields (kept when the form is refused). */
export interface ProposalFormValues {
  titleZh: string;
  titleEn: string;
  scope: string;
  rationale: string;
  proposingUnit: string;
  draftingUnits: string;
  drafters: string;
  implementations: string;
  iprStatement: string;
  /** Chosen source files and their roles. */
  sources: Record<string, string>;
}

const EMPTY: ProposalFormValues = {
  titleZh: '',
  titleEn: '',
  scope: '',
  rationale: '',
  proposingUnit: '',
  draftingUnits: '',
  drafters: '',
  implementations: '',
  iprStatement: '',
  sources: {},
};

const ROLES = ['clauses', 'terms', 'normative-annex', 'informative-annex', 'introduction'] as const;

export interface ProposalFormInput {
  csrfToken: string;
  /** Projects the asker maintains (`owner/repo`). */
  maintains: readonly string[];
  project: string;
  ref: string;
  values?: ProposalFormValues;
  problem?: FormProblem;
}

/**
 * The proposal form: first the project and the ref (a GET form, so it works without scripts), then the source
 * files of that tree with their roles, the titles, scope, rationale, units, drafters, implementations and the
 * IPR statement.
 */
export async function proposalFormModel(proposals: ProposalsService, t: Messages, input: ProposalFormInput) {
  const values = input.values ?? EMPTY;
  const project = input.maintains.find((p) => p.toLowerCase() === input.project.toLowerCase()) ?? '';
  let tree: Awaited<ReturnType<ProposalsService['sourceCandidates']>> | null = null;
  let treeProblem: string | null = null;
  if (project) {
    try {
      tree = await proposals.sourceCandidates(project, input.ref || undefined);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      treeProblem = error.message;
    }
  }
  const chosen = Object.keys(values.sources).length > 0;
  const guess = (path: string) => /(^|\/)(spec|specification)[^/]*\.md$/i.test(path) || /^spec\//i.test(path);
  return {
    csrfToken: input.csrfToken,
    maintains: input.maintains.map((name) => ({ name, selected: name === project })),
    project,
    ref: tree?.ref ?? input.ref,
    commit: tree?.commit.slice(0, 12) ?? '',
    filesLead: tree ? fill(t.proposals.filesLead, { ref: tree.ref, commit: tree.commit.slice(0, 12) }) : '',
    treeProblem,
    truncated: tree?.truncated ?? false,
    files: (tree?.files ?? []).map((path, i) => ({
      path,
      index: i,
      checked: chosen ? values.sources[path] !== undefined : guess(path),
      roles: ROLES.map((value) => ({
        value,
        label: t.proposals.roles[value],
        selected: (values.sources[path] ?? (/terms|glossary|术语/i.test(path) ? 'terms' : 'clauses')) === value,
      })),
    })),
    values,
    problem: input.problem ?? null,
  };
}
