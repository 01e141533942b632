// XSS corpus (issue 9), request fields and documents: each vector in the search query, `?lang=`, other query
// parameters, the lang cookie, Accept-Language, the catalogue filters, a 404 path and the badge's language; and in
// the maturity model (admin), a spec turned into a draft by `magnolia draft`, and Markdown through the portal's
// sanitiser. Pages are loaded in Chromium with the trap, with the CSP enforced and with the CSP stripped.
//
// A new field is one more entry in SURFACES (test/security/xss-surfaces.ts); a new vector one more entry in
// XSS_VECTORS (xss-corpus.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFakeGitHub } from '../support/fake-github.ts';
import { startTestInstance } from '../support/test-instance.ts';
import { draftOf, hostileSpec, startDraftPages } from './draft-pages.ts';
import { buildHostileCommunity } from './xss-community.ts';
import { defineXssSuite } from './xss-suite.ts';
import { SURFACES } from './xss-surfaces.ts';

const TOKEN = `ghp_${'Xs5'.repeat(12)}`;

defineXssSuite({
  name: 'XSS through requests and documents',
  surfaces: SURFACES.filter((s) => s.group !== 'project'),
  control: true,
  async setup({ projects, documents, trap }) {
    const fake = await startFakeGitHub();
    fake.requireToken = TOKEN;
    const root = mkdtempSync(path.join(tmpdir(), 'magnolia-xss-'));
    // The hostile community is built with hundreds of writes by one token (test/accounts/rate-limits.test.ts
    // tests the limit).
    const inst = await startTestInstance({
      env: { GITHUB_API_URL: fake.apiUrl, GITHUB_TOKEN: TOKEN, MAGNOLIA_RATE_LIMIT_WRITES: '100000' },
    });
    // One harmless member (request fields write nothing into projects) for the badge, and the hostile model.
    const member = projects[0]!;
    const community = await buildHostileCommunity({
      inst,
      fake,
      root,
      projects: [member],
      modelTexts: documents.model,
    });
    const drafts = await startDraftPages(
      { draft: await draftOf(hostileSpec(documents.draftSpec)), markdown: hostileSpec(documents.markdown) },
      `<img src=x onerror="__xss('control.run')"><img src="${trap.origin}/k/control.img">` +
        `<a href="javascript:__xss('control.click')">x</a>`,
    );
    return {
      portalUrl: inst.url,
      draftsUrl: drafts.url,
      cataloguePages: community.cataloguePages,
      markers: projects.map((p) => p.marker),
      site: (i) => ({
        nn: projects[i]!.nn,
        marker: projects[i]!.marker,
        projectPath: community.projectPath(member),
        badgePath: community.badgePath(member),
      }),
      async close() {
        await drafts.close();
        await inst.destroy();
        await fake.close();
        rmSync(root, { recursive: true, force: true });
      },
    };
  },
});
