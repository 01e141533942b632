import type { Store } from '../../db/store.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { Lang } from '../../kernel/i18n/languages.ts';
import { contributorOrganisations, type ContributorOrganisationJson } from './contributor-organisations.ts';
import type { MaturityEngine } from './create-maturity-engine.ts';
import { exemptSignal, type ExemptionRequest } from './exempt-signal.ts';
import { exemptionJson } from './exemption-json.ts';
import { enqueueEvaluation } from './maturity-jobs.ts';
import type { ExemptionJson, MaturityJson, ObservationJson } from './maturity-json.ts';
import { renderModelMarkdown } from './model/render-model-markdown.ts';
import { readMaturity, readSignalHistory } from './read-maturity.ts';
import {
  organisationJson,
  removeOrganisation,
  setOrganisation,
  type OrganisationChange,
  type OrganisationJson,
} from './set-organisation.ts';
import { KNOWN_SIGNALS } from './signals/signal-registry.ts';

/** An active exemption of one signal for one project, as the pages show it. */
export interface ExemptionView {
  signal: string;
  reason: string;
  expiresAt: string | null;
  /** Who granted it, and when (the page shows both: an exemption is a reviewer's decision). */
  createdBy: string;
  createdAt: string;
}

/** The installed model versions and the one in force. */
export interface ModelVersionsJson {
  version: number | null;
  digest: string | null;
  source: string | null;
  versions: { version: number; digest: string; active: boolean; createdAt: string; createdBy: string | null }[];
}

/** Maturity for routes, pages, badges, search and the CLI: reads, evaluations, exemptions, the model. */
export interface MaturityService {
  read(repositoryId: number): MaturityJson | null;
  /** The observations of one signal (refuses an unknown signal id, listing the known ones). */
  history(repositoryId: number, signalId: string): ObservationJson[];
  /** Every exemption of a project, revoked and expired ones too. */
  exemptions(repositoryId: number): ExemptionJson[];
  /** Exemptions in force now (expired and revoked ones no longer count, so pages do not show them). */
  activeExemptions(repositoryId: number): ExemptionView[];
  exempt(request: ExemptionRequest): ExemptionJson;
  revokeExemption(repositoryId: number, exemptionId: number, by: string): ExemptionJson;
  evaluate(repositoryId: number): Promise<MaturityJson>;
  models(): ModelVersionsJson;
  /** The model's YAML in force (the installed one, else the default). */
  modelSource(): string;
  /** Validates and installs a model (a ModelError says what is wrong), then enqueues every project. */
  installModel(source: string, by: string | null): { version: number; digest: string; enqueued: number };
  organisations(): { corrections: OrganisationJson[]; contributors: ContributorOrganisationJson[] };
  setOrganisation(match: string, organisation: string, by: string | null): OrganisationChange;
  removeOrganisation(match: string): OrganisationChange;
  /** Level ids, lowest first. */
  levels(): readonly string[];
  /** The model's own name of a level, or undefined for an id the model does not know. */
  levelName(level: string, lang: Lang): string | undefined;
  /** The section's title in the model, or undefined. */
  sectionTitle(section: string, lang: Lang): string | undefined;
  /** The maturity model as Markdown, rendered from the model in force. */
  modelMarkdown(lang: Lang): string;
}

const modelLang = (lang: Lang): 'zh' | 'en' => (lang === 'en' ? 'en' : 'zh');

/** The maturity service over one store and engine; the clock decides what is in force. */
export function createMaturityService(store: Store, clock: Clock, engine: MaturityEngine): MaturityService {
  const model = () => engine.model().model;
  return {
    read: (id) => readMaturity(store, id),
    history(id, signal) {
      if (!KNOWN_SIGNALS.has(signal)) {
        throw new DomainError(
          'invalid',
          'unknown_signal',
          `add ?signal=<id>, one of: ${[...KNOWN_SIGNALS.keys()].join(', ')}`,
        );
      }
      return readSignalHistory(store, id, signal);
    },
    exemptions(id) {
      const at = isoNow(clock);
      return store.maturity.exemptions.list(id).map((e) => exemptionJson(e, at));
    },
    activeExemptions: (id) =>
      store.maturity.exemptions.active(id, isoNow(clock)).map((e) => ({
        signal: e.signal,
        reason: e.reason,
        expiresAt: e.expires_at,
        createdBy: e.created_by,
        createdAt: e.created_at,
      })),
    exempt: (request) => exemptSignal(store, clock, request),
    revokeExemption(repositoryId, exemptionId, by) {
      const exemption = store.maturity.exemptions.get(exemptionId);
      if (!exemption || exemption.repository_id !== repositoryId) {
        throw new DomainError(
          'not-found',
          'exemption_not_found',
          `exemption ${exemptionId} of ${store.repositories.get(repositoryId)?.full_name ?? 'this project'} does not exist: list them with GET .../maturity/exemptions`,
        );
      }
      const at = isoNow(clock);
      store.transaction(() => {
        store.maturity.exemptions.revoke(exemption.id, at, by);
        enqueueEvaluation(store, clock, repositoryId);
      });
      return exemptionJson(store.maturity.exemptions.get(exemption.id)!, at);
    },
    evaluate: (id) => engine.evaluate(id),
    models() {
      const active = store.maturity.models.active();
      return {
        version: active?.version ?? null,
        digest: active?.digest ?? null,
        source: active?.source ?? null,
        versions: store.maturity.models.list().map((m) => ({
          version: m.version,
          digest: m.digest,
          active: m.active === 1,
          createdAt: m.created_at,
          createdBy: m.created_by,
        })),
      };
    },
    modelSource: () => engine.model().source,
    installModel: (source, by) => engine.setModel(source, by),
    organisations: () => ({
      corrections: store.maturity.organisations.list().map(organisationJson),
      contributors: contributorOrganisations(store, clock.now()),
    }),
    setOrganisation: (match, organisation, by) => setOrganisation(store, clock, { match, organisation, by }),
    removeOrganisation: (match) => removeOrganisation(store, clock, match),
    levels: () => model().levels.map((l) => l.id),
    levelName: (level, lang) => model().levels.find((l) => l.id === level)?.name[modelLang(lang)],
    sectionTitle: (section, lang) => model().sections.find((s) => s.id === section)?.title[modelLang(lang)],
    modelMarkdown: (lang) => renderModelMarkdown(model(), modelLang(lang)),
  };
}
