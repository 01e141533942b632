import { openDatabase } from '../db/open-database.ts';
import { createStore, type Store } from '../db/store.ts';
import type { Clock } from '../kernel/clock.ts';
import { readConfig, type Config } from '../kernel/config/read-config.ts';
import { createLogger, type Logger } from '../kernel/log/create-logger.ts';
import { createServices, type Services } from '../sync/create-services.ts';
import { createGitHubClient } from '../sync/github/create-github-client.ts';
import type { CliIO } from './cli-io.ts';

/** What a CLI command works on: the instance named by MAGNOLIA_DATA_DIR, through its services. */
export interface CliInstance {
  config: Config;
  log: Logger;
  clock: Clock;
  store: Store;
  services: Services;
  close(): void;
}

/** Opens the instance's store and its services; logs go to stderr (warnings and errors only). */
export function openInstanceStore(io: CliIO): CliInstance {
  const { clock } = io;
  const config = readConfig(io.env, io.cwd);
  const log = createLogger(io.env.LOG_LEVEL ?? 'warn', { write: (line: string) => void io.stderr.write(line) });
  const db = openDatabase(config.databaseFile, { clock });
  const store = createStore(db);
  // At a terminal a person waits: one retry, not the server's patient backoff.
  const github = createGitHubClient({ config, log, store, clock, retries: 1 });
  const services = createServices({ store, config, log, clock, github });
  return { config, log, clock, store, services, close: () => db.close() };
}

/** Runs `work` on the instance and closes it afterwards, whatever happens. */
export async function withInstance<T>(io: CliIO, work: (instance: CliInstance) => Promise<T> | T): Promise<T> {
  const instance = openInstanceStore(io);
  try {
    return await work(instance);
  } finally {
    // A print browser started for the PDFs (site build) goes with the command.
    await instance.services.downloads.close().catch(() => undefined);
    instance.close();
  }
}
