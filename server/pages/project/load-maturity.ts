// The one adapter between the pages and the maturity engine (sync/maturity): pages, badges and search read
// maturity only through this file.
import type { Store } from '../../../db/store.ts';
import type { MaturityJson, ObservationJson } from '../../../sync/maturity/maturity-json.ts';
import { loadActiveModel } from '../../../sync/maturity/model/load-active-model.ts';
import type { LoadedModel } from '../../../sync/maturity/model/parse-model.ts';
import { renderModelMarkdown } from '../../../sync/maturity/model/render-model-markdown.ts';
import { readMaturity, readSignalHistory } from '../../../sync/maturity/read-maturity.ts';
import type { Lang } from '../../../kernel/i18n/languages.ts';

/** An active exemption of one signal for one project. */
export interface ExemptionView {
  signal: string;
  reason: string;
  expiresAt: string | null;
}

/** What the pages, badges and search read about maturity. */
export interface MaturityAccess {
  read(repositoryId: number): MaturityJson | null;
  history(repositoryId: number, signalId: string): ObservationJson[];
  /** Exemptions in force now (expired and revoked ones no longer count, so they are not shown). */
  exemptions(repositoryId: number): ExemptionView[];
  /** Level ids, lowest first. */
  levels(): readonly string[];
  /** The model's own name of a level, or undefined for an id the model does not know. */
  levelName(level: string, lang: Lang): string | undefined;
  /** The section's title in the model, or undefined. */
  sectionTitle(section: string, lang: Lang): string | undefined;
  /** The maturity model as Markdown, rendered from the model in force. */
  modelMarkdown(lang: Lang): string | null;
}

const modelLang = (lang: Lang): 'zh' | 'en' => (lang === 'en' ? 'en' : 'zh');

/** Reads maturity through the engine's exports over `store`. */
export function createMaturityAccess(store: Store, now: () => string = () => new Date().toISOString()): MaturityAccess {
  // Parsed models by digest; owned here, so nothing is global.
  const cache = new Map<string, LoadedModel>();
  const model = () => loadActiveModel(store, cache).model;
  return {
    read: (id) => readMaturity(store, id),
    history: (id, signal) => readSignalHistory(store, id, signal),
    exemptions: (id) =>
      store.maturity.exemptions
        .active(id, now())
        .map((e) => ({ signal: e.signal, reason: e.reason, expiresAt: e.expires_at })),
    levels: () => model().levels.map((l) => l.id),
    levelName: (level, lang) => model().levels.find((l) => l.id === level)?.name[modelLang(lang)],
    sectionTitle: (section, lang) => model().sections.find((s) => s.id === section)?.title[modelLang(lang)],
    modelMarkdown: (lang) => renderModelMarkdown(model(), modelLang(lang)),
  };
}
