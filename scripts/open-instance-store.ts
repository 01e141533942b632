import { openDatabase } from '../db/open-database.ts';
import { createStore, type Store } from '../db/store.ts';
import { systemClock } from '../kernel/clock.ts';
import { readConfig, type Config } from '../kernel/config/read-config.ts';
import { createLogger, type Logger } from '../kernel/log/create-logger.ts';
import { createSyncServices, type SyncServices } from '../sync/create-sync-services.ts';
import { createGitHubClient } from '../sync/github/create-github-client.ts';
import type { CliIO } from './cli-io.ts';

/** What a CLI command works on: the instance named by MAGNOLIA_DATA_DIR. */
export interface CliInstance {
  config: Config;
  log: Logger;
  store: Store;
  sync: SyncServices;
  close(): void;
}

/** Opens the instance's store and the mirror services; logs go to stderr (warnings and errors only). */
export function openInstanceStore(io: CliIO): CliInstance {
  const config = readConfig(io.env, io.cwd);
  const log = createLogger(io.env.LOG_LEVEL ?? 'warn', { write: (line: string) => void io.stderr.write(line) });
  const db = openDatabase(config.databaseFile);
  const store = createStore(db);
  // At a terminal a person waits: one retry, not the server's patient backoff.
  const github = createGitHubClient({ config, log, store, retries: 1 });
  const sync = createSyncServices({ store, config, log, clock: systemClock, github });
  return { config, log, store, sync, close: () => db.close() };
}
