// The real Magnolia instance (store, group commit, worker off so only ingest is measured) in its own process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readConfig } from '../../kernel/config/read-config.ts';
import { createLogger } from '../../kernel/log/create-logger.ts';
import { startInstance } from '../../server/start-instance.ts';

const secret = process.argv[2] ?? 'bench-secret';
const dataDir = process.argv[3] ?? mkdtempSync(path.join(tmpdir(), 'magnolia-bench-'));
const config = readConfig({
  MAGNOLIA_DATA_DIR: dataDir,
  PORT: '0',
  GITHUB_WEBHOOK_SECRET: secret,
  MAGNOLIA_DEMO: 'off',
});
const instance = await startInstance({ config, log: createLogger('warn'), startWorker: false });
process.stdout.write(`${instance.url}\n`);
process.on(
  'SIGTERM',
  () =>
    void instance.close().then(() => {
      if (!process.argv[3]) rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    }),
);
