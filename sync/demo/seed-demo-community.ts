import path from 'node:path';
import { buildDemoCommunity } from './build/build-demo-community.ts';
import type { Store } from '../../db/store.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import type { Config } from '../../kernel/config/read-config.ts';
import { validateCloneUrl } from '../../kernel/git/validate-clone-url.ts';
import type { Logger } from '../../kernel/log/create-logger.ts';
import { storeMetadata } from '../github/store-metadata.ts';
import type { SyncServices } from '../create-sync-services.ts';

const SEEDED = 'demo_seeded_at';

/** Seed when asked (`MAGNOLIA_DEMO=on`), or on `auto` for a brand-new instance without a GitHub token. */
export function shouldSeedDemo(store: Store, config: Config): boolean {
  if (config.demo === 'off' || store.settings.get(SEEDED) !== undefined) return false;
  if (config.demo === 'on') return true;
  const anyProject = store.db.prepare('SELECT 1 FROM repositories LIMIT 1').get() !== undefined;
  return !anyProject && config.githubToken === undefined;
}

/**
 * Builds the demo community's upstream repositories (real git history, deterministic) under the data dir,
 * registers them as members with the metadata the API would have given, and mirrors them, all without a network.
 */
export async function seedDemoCommunity(
  deps: { store: Store; config: Config; log: Logger; clock: Clock },
  services: SyncServices,
): Promise<number> {
  const { store, config, log, clock } = deps;
  const started = performance.now();
  const projects = await buildDemoCommunity(path.join(config.dataDir, 'demo-upstreams'));
  const at = isoNow(clock);
  // Checked like every clone URL that enters, before anything is written.
  const cloneUrls = projects.map((p) => validateCloneUrl(p.cloneUrl).url);
  store.transaction(() => {
    for (const [i, p] of projects.entries()) {
      const id = p.repository.id;
      store.domains.ensure(p.domain, p.domainNames);
      store.repositories.register({
        id,
        owner: p.owner,
        name: p.repo,
        domain: p.domain,
        cloneUrl: cloneUrls[i]!,
        registeredAt: at,
      });
      storeMetadata(
        store,
        id,
        {
          repository: p.repository,
          releases: p.releases,
          contributors: p.contributors,
          users: p.users,
          issues: p.issues,
          pullRequests: p.pullRequests,
        },
        at,
      );
      store.repositories.setMetadataState(id, 'demo', 'ok', null, at);
    }
    store.settings.set(SEEDED, at);
  });
  for (const p of projects) await services.fetch(p.repository.id);
  // Levels show at once on a fresh `npm start`, without waiting for the queue.
  for (const p of projects) await services.maturity.evaluate(p.repository.id);
  log.info({ projects: projects.length, ms: Math.round(performance.now() - started) }, 'demo community seeded');
  return projects.length;
}
