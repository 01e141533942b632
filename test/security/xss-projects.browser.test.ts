// XSS corpus (issue 9), project fields: one member project per vector whose every field is hostile (webhooks, the
// fake GitHub's REST answers, the upstream git repository, reviewer and admin API calls, a GitHub error, a vanished
// upstream), its pages loaded in Chromium with the trap, with the CSP enforced and with the CSP stripped.
//
// A new field that renders (comments, proposal titles, the static site, the source view, ...) is one more entry in
// SURFACES (test/security/xss-surfaces.ts); a new vector is one more entry in XSS_VECTORS (xss-corpus.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFakeGitHub } from '../support/fake-github.ts';
import { startTestInstance } from '../support/test-instance.ts';
import { buildHostileCommunity, waitForSearch } from './xss-community.ts';
import { defineXssSuite } from './xss-suite.ts';
import { SURFACES } from './xss-surfaces.ts';

const TOKEN = `ghp_${'Xs5'.repeat(12)}`;

defineXssSuite({
  name: 'XSS through project fields',
  surfaces: SURFACES.filter((s) => s.group === 'project'),
  async setup({ projects }) {
    const fake = await startFakeGitHub();
    fake.requireToken = TOKEN;
    const root = mkdtempSync(path.join(tmpdir(), 'magnolia-xss-'));
    // The hostile community is built with hundreds of writes by one token (test/accounts/rate-limits.test.ts
    // tests the limit).
    const inst = await startTestInstance({
      env: { GITHUB_API_URL: fake.apiUrl, GITHUB_TOKEN: TOKEN, MAGNOLIA_RATE_LIMIT_WRITES: '100000' },
    });
    const community = await buildHostileCommunity({ inst, fake, root, projects, modelTexts: [] });
    await waitForSearch(inst.url, projects[projects.length - 1]!.marker);
    return {
      portalUrl: inst.url,
      cataloguePages: community.cataloguePages,
      markers: projects.map((p) => p.marker),
      site: (i) => ({
        nn: projects[i]!.nn,
        marker: projects[i]!.marker,
        projectPath: community.projectPath(projects[i]!),
        badgePath: community.badgePath(projects[i]!),
      }),
      async close() {
        await inst.destroy();
        await fake.close();
        rmSync(root, { recursive: true, force: true });
      },
    };
  },
});
