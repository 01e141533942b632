// Every field that renders, as a table: how hostile text gets in, and the page loads that show it. A new surface
// (comments, proposal titles, the static site, the source view, ...) is one more entry here, and the suite of its
// group (test/security/xss-*.browser.test.ts) picks it up:
//   - a project field: `inject` writes the payload into the vector's project (webhook payloads, the fake GitHub's
//     REST answers, the upstream git repository, API calls), `loads` names the pages that show it;
//   - a request field: no `inject`, `loads` carries the payload in the URL, a cookie or a header;
//   - a community-wide document (the maturity model, a draft): `inject` appends to it, `loads` are its pages.
// Each vector of the corpus goes through each surface once, with the trap key `<vector index>.<code>`.
import type { HostileProject } from './xss-community.ts';

/** One page load: a path on the portal (or on the draft page server) with a query, a cookie and headers. */
export interface Load {
  server?: 'portal' | 'drafts';
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
}

/** Where `inject` writes: this vector's project and the community-wide documents. */
export interface InjectTarget {
  project: HostileProject;
  /** Maturity-model texts (title or description of signal `index % signals`). */
  model: { index: number; text: string }[];
  /** Markdown paragraphs of the spec that `magnolia draft` turns into a draft. */
  draftSpec: string[];
  /** Markdown rendered directly by the portal's sanitising pipeline. */
  markdown: string[];
}

/** What community-wide loads are built from. */
export interface Community {
  cataloguePages: number;
  /** The searchable word of each vector's project (see `VectorSite.marker`). */
  markers: readonly string[];
}

/** What a surface knows about the vector it is building loads for. */
export interface VectorSite {
  nn: string;
  payload: string;
  /** A searchable word unique to the vector (in its project's description). */
  marker: string;
  /** Path of the vector's project page once every webhook is processed (its name is hostile). */
  projectPath: string;
  badgePath: string;
}

export interface Surface {
  /** Which suite loads it: project fields need a project per vector, the others one instance. */
  group: 'project' | 'request' | 'document';
  code: string;
  field: string;
  via: string;
  inject?: (target: InjectTarget, payload: string) => void;
  /** False when the field cannot carry this payload (git ref rules, header bytes): reported, not loaded. */
  applies?: (payload: string) => boolean;
  /** Pages of this vector that show the field. */
  loads: (site: VectorSite) => Load[];
  /** Pages that show the field of every vector at once. */
  communityLoads?: (community: Community) => Load[];
  /** The key must be found on one of the loads (false where the app drops or never echoes the value). */
  shown: boolean;
}

const EN = { lang: 'en' };
const projectPage = (s: VectorSite): Load => ({ path: s.projectPath, query: EN });
// Search results with snippets: 25 projects' markers per query (results are scored by any term; 50 at most).
const searches = (c: Community): Load[] =>
  Array.from({ length: Math.ceil(c.markers.length / 25) }, (_, i) => ({
    path: '/search',
    query: { q: c.markers.slice(i * 25, i * 25 + 25).join(' '), ...EN },
  }));
const catalogue = (c: Community): Load[] =>
  Array.from({ length: c.cataloguePages }, (_, i) => ({ path: '/projects', query: { ...EN, page: String(i + 1) } }));
const home = (): Load[] => [{ path: '/', query: EN }];
const printable = (p: string): boolean => /^[\x20-\x7e]*$/.test(p);

export const SURFACES: readonly Surface[] = [
  // Project metadata arriving by webhooks (and the same facts in the fake GitHub's REST answers).
  {
    group: 'project',
    code: 'desc',
    field: 'repository description',
    via: 'webhook repository.renamed + REST',
    inject: (t, p) => (t.project.repository.description = `${t.project.marker} ${p}`),
    loads: (s) => [projectPage(s)],
    communityLoads: (c) => [...catalogue(c), ...searches(c)],
    shown: true,
  },
  {
    group: 'project',
    code: 'home',
    field: 'homepage',
    via: 'webhook + REST',
    inject: (t, p) => (t.project.repository.homepage = p),
    loads: (s) => [projectPage(s)],
    shown: true,
  },
  {
    group: 'project',
    code: 'topic',
    field: 'topics',
    via: 'webhook + REST',
    inject: (t, p) => (t.project.repository.topics = [p]),
    loads: (s) => [projectPage(s)],
    shown: true,
  },
  {
    group: 'project',
    code: 'name',
    field: 'repository name',
    via: 'webhook repository.renamed',
    inject: (t, p) => (t.project.hostileName = p),
    loads: (s) => [projectPage(s)],
    communityLoads: (c) => [...catalogue(c), ...searches(c), ...home()],
    // A rename to a name GitHub cannot have is not followed (sync/webhooks), so the payload is never shown.
    shown: false,
  },
  {
    group: 'project',
    code: 'lic',
    field: 'licence (SPDX id and name)',
    via: 'webhook + REST',
    inject: (t, p) => (t.project.repository.license = { key: 'other', spdx_id: p, name: p }),
    loads: (s) => [projectPage(s)],
    communityLoads: catalogue,
    shown: true,
  },
  {
    group: 'project',
    code: 'lang',
    field: 'primary language',
    via: 'webhook + REST',
    inject: (t, p) => (t.project.repository.language = p),
    loads: () => [],
    communityLoads: catalogue,
    shown: true,
  },
  {
    group: 'project',
    code: 'branch',
    field: 'default branch',
    via: 'webhook + REST',
    inject: (t, p) => (t.project.repository.default_branch = p),
    loads: (s) => [projectPage(s)],
    shown: true,
  },
  {
    group: 'project',
    code: 'tag',
    field: 'release tag name',
    via: 'webhook release.published + REST',
    inject: (t, p) => (t.project.release.tag_name = p),
    loads: (s) => [projectPage(s)],
    shown: true,
  },
  {
    group: 'project',
    code: 'rel',
    field: 'release name',
    via: 'webhook release.published + REST',
    inject: (t, p) => (t.project.release.name = p),
    loads: (s) => [projectPage(s)],
    shown: true,
  },
  {
    group: 'project',
    code: 'body',
    field: 'release body (stored, rendered nowhere yet)',
    via: 'webhook release.published + REST',
    inject: (t, p) => (t.project.release.body = p),
    loads: (s) => [projectPage(s)],
    shown: false,
  },
  {
    group: 'project',
    code: 'issue',
    field: 'issue title (stored, rendered nowhere yet)',
    via: 'webhook issues.opened + REST',
    inject: (t, p) => (t.project.issueTitle = p),
    loads: (s) => [projectPage(s)],
    shown: false,
  },
  {
    group: 'project',
    code: 'rname',
    field: "contributor's profile name (stored, rendered nowhere yet)",
    via: 'REST /users/{login}',
    inject: (t, p) => (t.project.profile.name = p),
    loads: (s) => [projectPage(s)],
    shown: false,
  },
  // The upstream git repository.
  {
    group: 'project',
    code: 'author',
    field: 'git author name',
    via: 'commits in the upstream (git strips < and >)',
    inject: (t, p) => (t.project.git.authorName = p),
    loads: (s) => [projectPage(s)],
    shown: true,
  },
  {
    group: 'project',
    code: 'org',
    field: 'organisation (rotating: git email domain, GitHub company, admin correction)',
    via: 'git author email / REST profile company / PUT /api/maturity/organisations',
    inject: (t, p) => (t.project.organisation = p),
    loads: (s) => [projectPage(s)],
    shown: true,
  },
  {
    group: 'project',
    code: 'msg',
    field: 'commit message (stored, rendered nowhere yet)',
    via: 'commits in the upstream',
    inject: (t, p) => (t.project.git.subject = p),
    loads: (s) => [projectPage(s)],
    shown: false,
  },
  {
    group: 'project',
    code: 'path',
    field: 'file path (a normative spec)',
    via: 'a file in the upstream',
    inject: (t, p) => (t.project.git.specPath = p),
    loads: (s) => [projectPage(s)],
    shown: true,
  },
  {
    group: 'project',
    code: 'gtag',
    field: 'git tag name',
    via: 'an annotated tag in the upstream (whitespace → "/"; vectors git refuses are not applicable)',
    inject: (t, p) => (t.project.git.tag = p),
    applies: (p) => gitTagName(p) !== null,
    loads: (s) => [projectPage(s)],
    shown: true,
  },
  {
    group: 'project',
    code: 'gitmsg',
    field: 'mirror error (the upstream vanished; its path is hostile)',
    via: 'git fetch failure',
    inject: (t, p) => (t.project.git.upstreamDir = p),
    loads: (s) => [projectPage(s)],
    // Local paths are never shown (the page says "local repository"), so the payload must not appear either.
    shown: false,
  },
  {
    group: 'project',
    code: 'ghmsg',
    field: 'GitHub API error message',
    via: 'the fake GitHub answers 502 with the payload as message',
    inject: (t, p) => (t.project.githubError = p),
    loads: (s) => [projectPage(s)],
    shown: true,
  },
  {
    group: 'project',
    code: 'exempt',
    field: 'exemption reason',
    via: 'POST /api/projects/…/maturity/exemptions (reviewer)',
    inject: (t, p) => (t.project.exemptionReason = p),
    loads: (s) => [projectPage(s)],
    shown: true,
  },
  // Carried by the request itself.
  {
    group: 'request',
    code: 'search',
    field: 'search query',
    via: '/search?q=',
    loads: (s) => [{ path: '/search', query: { q: s.payload } }],
    shown: true,
  },
  {
    group: 'request',
    code: 'qlang',
    field: '?lang= parameter',
    via: 'query string',
    loads: (s) => [{ path: '/search', query: { lang: s.payload } }],
    shown: false,
  },
  {
    group: 'request',
    code: 'param',
    field: 'other query parameters (kept in the language links)',
    via: 'query string',
    loads: (s) => [{ path: '/search', query: { from: s.payload } }],
    shown: true,
  },
  {
    group: 'request',
    code: 'cookie',
    field: 'lang cookie',
    via: 'Cookie header (raw where cookie-safe)',
    // Raw when a cookie can carry it (a percent-encoded vector then decodes into markup), else percent-encoded.
    loads: (s) => [
      {
        path: '/search',
        headers: {
          cookie: `lang=${/^[\x21-\x3a\x3c-\x7e]*$/.test(s.payload) ? s.payload : encodeURIComponent(s.payload)}`,
        },
      },
    ],
    shown: false,
  },
  {
    group: 'request',
    code: 'al',
    field: 'Accept-Language',
    via: 'request header (printable ASCII only)',
    applies: printable,
    loads: (s) => [{ path: '/search', headers: { 'accept-language': s.payload } }],
    shown: false,
  },
  {
    group: 'request',
    code: 'filter',
    field: 'catalogue filters, sort and page',
    via: 'query string',
    loads: (s) => [
      {
        path: '/projects',
        query: Object.fromEntries(
          ['level', 'domain', 'language', 'license', 'sort', 'page'].map((k) => [k, s.payload]),
        ),
      },
    ],
    shown: true,
  },
  {
    group: 'request',
    code: '404',
    field: 'path of a page that does not exist',
    via: 'request path, as the browser sends it ("#" as %23: a browser never sends a fragment)',
    loads: (s) => [{ path: `/no-such-page/${s.payload.replace(/#/g, '%23')}` }],
    shown: true,
  },
  {
    group: 'request',
    code: 'badge',
    field: 'badge language (SVG)',
    via: '/badge/<owner>/<repo>.svg?lang=',
    loads: (s) => [{ path: s.badgePath, query: { lang: s.payload } }],
    shown: false,
  },
  // Community-wide documents.
  {
    group: 'document',
    code: 'model',
    field: 'maturity model texts (Markdown page and signal titles)',
    via: 'PUT /api/maturity/model (admin)',
    inject: (t, p) => t.model.push({ index: t.model.length, text: p }),
    loads: () => [],
    communityLoads: () => [
      { path: '/maturity-model', query: EN },
      { path: '/maturity-model', query: { lang: 'zh-CN' } },
    ],
    shown: false,
  },
  {
    group: 'document',
    code: 'draft',
    field: 'spec Markdown in a draft (`magnolia draft`, then the portal pipeline)',
    via: 'a spec file in a git repository',
    inject: (t, p) => t.draftSpec.push(p),
    loads: () => [],
    communityLoads: () => [{ server: 'drafts', path: '/draft' }],
    shown: false,
  },
  {
    group: 'document',
    code: 'md',
    field: 'Markdown through the portal sanitiser (render-markdown.ts)',
    via: 'renderMarkdown',
    inject: (t, p) => t.markdown.push(p),
    loads: () => [],
    communityLoads: () => [{ server: 'drafts', path: '/markdown' }],
    shown: false,
  },
];

/**
 * A payload as a git tag name (whitespace becomes "/", which HTML also reads as a separator), or null where git
 * refuses it (check-ref-format rules, and `git tag` refuses a leading "-").
 */
export function gitTagName(payload: string): string | null {
  const name = payload
    .replace(/\s+/g, '/')
    .replace(/\/{2,}/g, '/')
    .replace(/^\/+|\/+$/g, '');
  const bad =
    name === '' ||
    name === '@' ||
    name.startsWith('-') ||
    /[\x00-\x20\x7f~^:?*[\\]/.test(name) ||
    name.includes('..') ||
    name.includes('@{') ||
    name.endsWith('.') ||
    name.split('/').some((c) => c.startsWith('.') || c.endsWith('.lock') || Buffer.byteLength(c) > 200);
  return bad ? null : name;
}
