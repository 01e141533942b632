// Bench server process: a generated community of N projects in a fresh data dir, the real instance, and beside
// it (same process, same Express app, same security headers) the ceiling: the same pages' HTML as static files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { openDatabase } from '../../db/open-database.ts';
import { createStore } from '../../db/store.ts';
import { readConfig } from '../../kernel/config/read-config.ts';
import { createLogger } from '../../kernel/log/create-logger.ts';
import { securityHeaders } from '../../server/pages/layout/security-headers.ts';
import { startInstance } from '../../server/start-instance.ts';

const count = Number(process.argv[2] ?? 5000);
const dataDir = mkdtempSync(path.join(tmpdir(), 'magnolia-portal-bench-'));
const config = readConfig({
  MAGNOLIA_DATA_DIR: dataDir,
  PORT: '0',
  MAGNOLIA_DEMO: 'off',
  LOG_LEVEL: 'silent',
  MAGNOLIA_RECONCILE_MINUTES: '0',
});

const DOMAINS = ['cloud-computing', 'big-data', 'industrial-internet', 'blockchain', 'artificial-intelligence', 'iot'];
const LANGUAGES = ['Go', 'Java', 'Python', 'Rust', 'TypeScript', 'C++'];
const LICENSES = ['Apache-2.0', 'MIT', 'MulanPSL-2.0', 'BSD-3-Clause', 'GPL-3.0-only'];
const db = openDatabase(config.databaseFile);
const store = createStore(db);
const at = '2026-10-01T00:00:00Z';
store.transaction(() => {
  for (const d of DOMAINS) store.domains.ensure(d);
  for (let i = 1; i <= count; i++) {
    const owner = `org-${i % 250}`;
    const name = `project-${i}`;
    store.repositories.register({
      id: i,
      owner,
      name,
      domain: DOMAINS[i % DOMAINS.length]!,
      cloneUrl: null,
      registeredAt: at,
    });
    store.repositories.applyFacts(
      i,
      {
        owner,
        name,
        fullName: `${owner}/${name}`,
        nodeId: null,
        description: `Generated project ${i}: a specification and reference implementation for ${DOMAINS[i % DOMAINS.length]}`,
        homepage: null,
        topics: ['specification', DOMAINS[i % DOMAINS.length]!],
        licenseSpdx: LICENSES[i % LICENSES.length]!,
        licenseName: null,
        defaultBranch: 'main',
        visibility: 'public',
        archived: false,
        fork: false,
        stars: (i * 7919) % 5000,
        forks: i % 300,
        watchers: i % 100,
        openIssues: i % 50,
        language: LANGUAGES[i % LANGUAGES.length]!,
        createdAt: '2024-01-01T00:00:00Z',
        pushedAt: new Date(Date.parse(at) - (i % 365) * 86_400_000).toISOString(),
        githubUpdatedAt: at,
      },
      at,
    );
  }
});
db.close();

const instance = await startInstance({ config, log: createLogger('silent'), startWorker: false });
// The search index is built in a worker after start; measure pages once it is in place, not against the build.
for (let i = 0; i < 600; i++) {
  const { ready } = (await (await fetch(instance.url + '/api/search?q=x')).json()) as { ready: boolean };
  if (ready) break;
  await new Promise((r) => setTimeout(r, 100));
}
const pages = { catalogue: '/projects?sort=stars&page=3', project: '/projects/org-42/project-42' };
const ceilingDir = path.join(dataDir, 'ceiling');
const { mkdirSync } = await import('node:fs');
mkdirSync(ceilingDir);
for (const [name, url] of Object.entries(pages)) {
  writeFileSync(path.join(ceilingDir, `${name}.html`), await (await fetch(instance.url + url)).text());
}
const ceiling = express();
ceiling.disable('x-powered-by');
ceiling.use(securityHeaders());
ceiling.use('/ceiling', express.static(ceilingDir));
ceiling.use(instance.app);
const server = ceiling.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  process.stdout.write(JSON.stringify({ url: `http://127.0.0.1:${port}`, pages }) + '\n');
});
process.on('SIGTERM', () => process.exit(0));
