// Benchmark of the static site: `buildSite` over 4,000 public revisions synthesised into a temporary SQLite store
// (through the real migrations and queries; four real generated drafts of a ~400-line spec, reused under varied
// proposal numbers), into tmpfs, beside Eleventy 3 building the same 4,000 Markdown files with one layout into
// tmpfs, in the same run; then the no-change rebuild. Pagefind, Word and PDF are not in the timed part.
// Goals: full build ≥ 3x faster than Eleventy (stretch 10x); no-change rebuild ≥ 10x faster than the full build.
// Run: node --import tsx bench/publication/site-bench.ts
import fs from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DraftManifest } from '../../content/draft/draft-types.ts';
import { draftFromGit } from '../../content/draft/git/draft-from-git.ts';
import { renderDraftHtml } from '../../content/render/render-draft-html.ts';
import { openDatabase } from '../../db/open-database.ts';
import { createStore, type Store } from '../../db/store.ts';
import { runGit } from '../../kernel/git/run-git.ts';
import { loadWorkflow } from '../../sync/proposals/workflow/load-workflow.ts';
import { buildSite } from '../../sync/publication/build-site.ts';
import { createCommentsService } from '../../sync/review/comments/comments-service.ts';
import { diffRevisions } from '../../sync/review/diffs/diff-revisions.ts';
import { createDiffsService } from '../../sync/review/diffs/diffs-service.ts';
import { commitAll, initRepo, random, specLines } from '../draft-generation.ts';

// MAGNOLIA_BENCH_SITE_PROPOSALS makes a smaller run (for profiling); the reported figures use 1,000.
const PROPOSALS = Number(process.env.MAGNOLIA_BENCH_SITE_PROPOSALS ?? 1_000);
const REVISIONS_EACH = 4;
const SPEC_LINES = 400;
const FILE = 'spec/protocol.md';
const clock = { now: () => Date.parse('2026-06-01T00:00:00Z') };

interface Draft {
  md: string;
  manifestJson: string;
  html: string;
  commit: string;
  diffJson: string | null;
}

/** Four revisions of one spec, generated for real (draft, manifest with carried IDs, the page HTML, the diff). */
async function generateDrafts(dir: string): Promise<Draft[]> {
  fs.mkdirSync(path.join(dir, 'spec'), { recursive: true });
  await initRepo(dir);
  const rand = random(7);
  const lines = specLines(rand, SPEC_LINES, 'Bench Protocol');
  const drafts: Draft[] = [];
  let previous: DraftManifest | undefined;
  for (let v = 0; v < REVISIONS_EACH; v++) {
    if (v > 0)
      for (let k = 0; k < 12; k++) {
        const at = Math.floor(rand() * lines.length);
        if (lines[at]!.startsWith('The ')) lines[at] = lines[at]!.replace(/\.$/, `, in revision ${v}.`);
      }
    fs.writeFileSync(path.join(dir, FILE), `${lines.join('\n')}\n`);
    await commitAll(dir, v + 1, `revision ${v}`);
    const commit = (await runGit(['rev-parse', 'HEAD'], { cwd: dir })).stdout.toString('utf8').trim();
    const result = await draftFromGit({
      runGit,
      repo: dir,
      ref: commit,
      sources: [{ path: FILE, role: 'clauses' }],
      permalinkBase: 'https://github.com',
      lang: v % 2 === 0 ? 'zh' : 'en',
      type: 'association',
      titleZh: '基准协议',
      titleEn: 'Bench protocol',
      date: '2026-01-01',
      cwd: dir,
      previous,
    });
    const manifest = JSON.parse(JSON.stringify(result.manifest)) as DraftManifest;
    drafts.push({
      md: result.markdown,
      manifestJson: JSON.stringify(manifest),
      html: renderDraftHtml(result.markdown, manifest),
      commit,
      diffJson: previous ? JSON.stringify(diffRevisions(previous, manifest)) : null,
    });
    previous = manifest;
  }
  return drafts;
}

/** 1,000 proposals in technical review with four ready revisions each, all made in that (public) stage. */
function synthesise(store: Store, drafts: readonly Draft[]): void {
  store.repositories.register({
    id: 1,
    owner: 'bench',
    name: 'spec',
    domain: null,
    cloneUrl: null,
    registeredAt: '2026-01-01T00:00:00.000Z',
  });
  store.transaction(() => {
    for (let i = 0; i < PROPOSALS; i++) {
      const number = store.proposals.allocateNumber(2026);
      const at = `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`;
      store.proposals.insert(number, {
        repository_id: 1,
        type: 'association',
        stage: 'technical-review',
        title_zh: `基准协议 第 ${i} 部分`,
        title_en: `Bench protocol, part ${i}`,
        scope: '',
        rationale: '',
        proposing_unit: 'Bench',
        drafting_units: '[]',
        drafters: '[]',
        implementations: '[]',
        ipr_statement: null,
        ref: 'main',
        commit_sha: drafts[0]!.commit,
        sources_yml: `files:\n  - path: ${FILE}\n    role: clauses\n`,
        created_by: 'bench',
        created_at: at,
      });
      store.proposals.appendHistory({
        number,
        at,
        actor: 'bench',
        action: 'send-to-review',
        from_stage: 'public-comment',
        to_stage: 'technical-review',
        rev: null,
        comment: '',
        decision: null,
      });
      drafts.forEach((d, rev) => {
        store.revisions.insertQueued({
          number,
          ref: 'main',
          sources_yml: '',
          sources_digest: `${number}-${rev}`,
          stage: 'technical-review',
          requested_by: 'bench',
          reason: '',
          created_at: at,
        });
        store.revisions.markReady(number, rev, {
          commitSha: d.commit,
          draftMd: d.md,
          manifestJson: d.manifestJson,
          draftHtml: d.html,
          lintJson: '[]',
          diffFrom: rev > 0 ? rev - 1 : null,
          diffJson: d.diffJson,
          at: `2026-02-0${rev + 1}T00:00:00.000Z`,
        });
      });
    }
  });
}

/** Eleventy 3 (programmatic API) over the same Markdown, one layout, into `out`. */
async function runEleventy(src: string, out: string): Promise<number> {
  // Imported by a name held in a variable: the package ships no types, and only this benchmark loads it.
  const name = '@11ty/eleventy';
  const { default: Eleventy } = (await import(name)) as {
    default: new (
      input: string,
      output: string,
      options: { quietMode: boolean; configPath?: string | null; config?: (c: unknown) => void },
    ) => { write(): Promise<unknown> };
  };
  const elev = new Eleventy(src, out, { quietMode: true, configPath: null });
  const t = performance.now();
  await elev.write();
  return performance.now() - t;
}

/** Runs both builds once each and the no-change rebuild, and returns a Markdown table. */
export async function runSiteBenchmark(): Promise<string> {
  const shm = fs.existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const root = fs.mkdtempSync(path.join(shm, 'magnolia-bench-site-'));
  try {
    const drafts = await generateDrafts(path.join(root, 'repo'));
    const db = openDatabase(path.join(root, 'bench.sqlite'), { clock });
    const store = createStore(db);
    synthesise(store, drafts);
    const loaded = loadWorkflow(null, ['sandbox', 'incubating', 'mature']);
    const source = {
      store,
      workflow: () => loaded.workflow,
      comments: createCommentsService({ store, clock, proposals: { workflow: () => loaded } }),
      diffs: createDiffsService({ store }),
    };

    // The same Markdown for Eleventy: each revision's draft (its own front matter replaced by the layout's).
    const src = path.join(root, 'eleventy-src');
    fs.mkdirSync(path.join(src, '_includes'), { recursive: true });
    fs.writeFileSync(
      path.join(src, '_includes', 'draft.njk'),
      '<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ title }}</title>' +
        '<link rel="stylesheet" href="/assets/site.css"></head>\n<body><header><a href="/">Standards</a></header>' +
        '<main>{{ content | safe }}</main><footer>Magnolia</footer></body></html>\n',
    );
    let files = 0;
    for (const row of store.proposals.list())
      for (const r of store.revisions.list(row.number)) {
        const md = store.revisions.get(row.number, r.rev)!.draft_md!.replace(/^---\n[\s\S]*?\n---\n/, '');
        const dir = path.join(src, row.number, String(r.rev).padStart(2, '0'));
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(
          path.join(dir, 'index.md'),
          `---\nlayout: draft.njk\ntitle: "${row.number}-${r.rev} ${row.title_en}"\n---\n${md}`,
        );
        files += 1;
      }

    const siteOut = path.join(root, 'site');
    let t = performance.now();
    const full = await buildSite(source, { outDir: siteOut, pagefind: false });
    const fullMs = performance.now() - t;
    t = performance.now();
    const again = await buildSite(source, { outDir: siteOut, pagefind: false });
    const againMs = performance.now() - t;
    const eleventyMs = process.env.MAGNOLIA_BENCH_SITE_SKIP_ELEVENTY
      ? 1
      : await runEleventy(src, path.join(root, 'eleventy-out'));
    const mb = (bytes: number) => (bytes / 1_048_576).toFixed(0);
    const size = (dir: string) =>
      (fs.readdirSync(dir, { recursive: true }) as string[]).reduce((n, f) => {
        const s = fs.statSync(path.join(dir, f));
        return s.isFile() ? n + s.size : n;
      }, 0);
    const clauses = (JSON.parse(drafts[0]!.manifestJson) as DraftManifest).clauses.length;
    db.close();
    return [
      `Static site of ${full.revisions} public revisions (${PROPOSALS} proposals × ${REVISIONS_EACH}; drafts of ${clauses} clauses, ≈ ${(drafts[0]!.html.length / 1024).toFixed(0)} KiB of stored HTML each) into ${shm}, beside Eleventy 3 over the same ${files} Markdown files with one layout, in the same run (one run each; ${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(1)}). Pagefind, .docx and .pdf are not timed. Goals: full build ≥ 3x faster than Eleventy (stretch 10x); no-change rebuild ≥ 10x faster than the full build.`,
      '',
      '| build | pages and files | written | output | ms | ratio |',
      '| ----- | --------------: | ------: | -----: | -: | ----: |',
      `| Eleventy 3 (Markdown → HTML, one layout, one language) | ${files} pages | ${files} | ${eleventyMs > 1 ? mb(size(path.join(root, 'eleventy-out'))) : '—'} MB | ${eleventyMs.toFixed(0)} | 1x |`,
      `| buildSite, full (stored HTML laid out; zh + en pages, resolution tables, diffs, downloads, feeds, sitemap) | ${full.written.length} files | ${full.written.length} | ${mb(size(siteOut))} MB | ${fullMs.toFixed(0)} | ${(eleventyMs / fullMs).toFixed(1)}x faster than Eleventy |`,
      `| buildSite, no change | ${again.unchanged} files | ${again.written.length} | — | ${againMs.toFixed(0)} | ${(fullMs / againMs).toFixed(1)}x faster than the full build |`,
      '',
    ].join('\n');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.stdout.write(await runSiteBenchmark());
}
