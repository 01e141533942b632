// Issue 11, items 9 and 11: normative references as a reference list (identifier + title, deduplicated, dated when
// the link pins a version, non-documents out) and provenance that keeps the body clean (clause-ID anchors) without
// ever claiming lines of other blocks, on the WidgetEvents fixture repository.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftResult, ManifestClause } from '../../content/draft/draft-types.ts';
import { draftWidgetEvents, part } from './draft-widget-events.ts';
import type { FixtureRepo } from './fixture-repo.ts';
import { buildWidgetEventsRepo, MAIN } from './fixtures/widget-events-repo.ts';
import { MAIN_V1 } from './fixtures/widget-events.ts';

const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('references and provenance of a real spec layout', () => {
  let repo: FixtureRepo;
  let annex: DraftResult;
  let body: DraftResult;
  const texts = new Map<string, string[]>();

  beforeAll(async () => {
    repo = await buildWidgetEventsRepo();
    annex = await draftWidgetEvents(repo, 'v1.0', 'en', 'annex');
    body = await draftWidgetEvents(repo, 'v1.0', 'en', 'body');
    for (const file of annex.manifest.source.files)
      texts.set(file.path, (await repo.git('show', `v1.0:${file.path}`)).split('\n'));
  });
  afterAll(() => repo.remove());

  it('9: lists each normative document once, as identifier and title, dated when the link pins a version', () => {
    const clause2 = part(annex.markdown, '## 2 Normative references');
    const entries = clause2
      .split('\n')
      .filter((l) => l.startsWith('- '))
      .map((l) => l.replace(/^- \[\]\{#c-[0-9a-f]{12}\} /, ''));
    expect(entries).toEqual([
      'IETF RFC 2046  Multipurpose Internet Mail Extensions (MIME) Part Two: Media Types <https://tools.ietf.org/html/rfc2046>',
      'IETF RFC 3339  Date and Time on the Internet: Timestamps <https://tools.ietf.org/html/rfc3339>',
      'IETF RFC 8259  The JavaScript Object Notation (JSON) Data Interchange Format <https://tools.ietf.org/html/rfc8259>',
      'W3C json-ld (2014-01-16)  JSON-LD 1.0 <https://www.w3.org/TR/2014/REC-json-ld-20140116/>',
      'IETF RFC 7049 <https://datatracker.ietf.org/doc/html/rfc7049>',
    ]);
    // RFC 3339 was cited through two URLs and listed once more: one entry. No "[here]" or "[Link]" entry.
    expect(clause2).not.toMatch(/\[(here|link)\]/i);
    // RFC 2119 only defined the keywords the standard's verbal forms replace.
    expect(clause2).not.toContain('2119');
    const lint = (rule: string) => annex.lint.filter((l) => l.rule === rule).map((l) => [l.line, l.params]);
    expect(lint('reference-dropped')).toEqual([[lineOf(MAIN_V1, '- [RFC2119]'), { identifier: 'IETF RFC 2119' }]]);
    expect(lint('reference-untitled')).toEqual([[lineOf(MAIN_V1, 'rfc7049'), { identifier: 'IETF RFC 7049' }]]);
    // A search page and a repository tree cited with requirements are no documents: Bibliography, reported.
    expect(part(annex.markdown, '## Bibliography')).toMatch(
      /- \[\]\{#c-[0-9a-f]{12}\} \[search page\]\(https:\/\/www\.google\.com\/search\?q=widget\+events\)\n- \[\]\{#c-[0-9a-f]{12}\} \[SDK guidelines\]\(https:\/\/github\.com\/acme\/widget-events\/tree\/main\/sdk\)/,
    );
    expect(lint('reference-not-document').map(([line]) => line)).toEqual([
      lineOf(MAIN_V1, 'search page'),
      lineOf(MAIN_V1, 'SDK guidelines'),
    ]);
  });

  it('11: annex mode keeps the body clean: every block anchored by its clause ID, origins in annex and manifest', () => {
    const md = annex.markdown;
    expect(md).not.toMatch(/^\*Source: /m);
    for (const clause of annex.manifest.clauses) {
      const anchors = md.split(`{#${clause.id}}`).length - 1;
      expect(anchors, `${clause.id} ${clause.kind} ${clause.sourceText.slice(0, 40)}`).toBe(1);
    }
    // Annex B links every block to its lines at the pinned commit.
    const trace = part(md, '## Annex B (informative) Source traceability');
    const first = annex.manifest.clauses[0]!;
    expect(trace).toContain(
      `| ${first.number} | ${first.id} | [${first.origin.path}@${annex.manifest.source.commit.slice(0, 7)}](<${first.origin.permalink}>) |`,
    );
    expect(annex.manifest.provenance).toBe('annex');
    // Body mode: a source note per clause, and the same IDs.
    expect(body.markdown).toMatch(/^\*Source: \[spec\/widget-events\.md\]/m);
    expect(body.manifest.clauses.map((c) => c.id)).toEqual(annex.manifest.clauses.map((c) => c.id));
  });

  it('11: no origin claims lines of another block, and no source note lines that are not its clause’s', () => {
    const blocks = annex.manifest.clauses.filter((c) => c.kind !== 'reference');
    const byFile = new Map<string, ManifestClause[]>();
    for (const c of blocks) byFile.set(c.origin.path, [...(byFile.get(c.origin.path) ?? []), c]);
    for (const list of byFile.values()) {
      const sorted = [...list].sort((a, b) => a.origin.startLine - b.origin.startLine);
      for (let i = 1; i < sorted.length; i++)
        expect(sorted[i]!.origin.startLine, `${sorted[i - 1]!.id} and ${sorted[i]!.id}`).toBeGreaterThan(
          sorted[i - 1]!.origin.endLine,
        );
    }
    // Every non-blank line a note names lies in a block of the note's clause (intro text placed apart is listed apart).
    const numberOf = new Map(body.manifest.clauses.map((c) => [c.id, c.number]));
    const notes = [
      ...body.markdown.matchAll(
        /^\*Source: \[([^\]]+)\]\([^)]*\), lines? ([\d–, ]+), at [0-9a-f]+.*clause ID (c-[0-9a-f-]+)\.\*$/gm,
      ),
    ];
    expect(notes.length).toBeGreaterThan(40);
    for (const [, file, ranges, id] of notes) {
      const number = numberOf.get(id!)!;
      const own = body.manifest.clauses.filter((c) => c.origin.path === file && c.number === number);
      for (const range of ranges!.split(', ')) {
        const [start, end = start] = range.split('–').map(Number);
        for (let line = start!; line <= end!; line++) {
          if (texts.get(file!)![line - 1]!.trim() === '') continue;
          expect(
            own.some((c) => c.origin.startLine <= line && line <= c.origin.endLine),
            `${file}:${line} in the note of ${id}`,
          ).toBe(true);
        }
      }
    }
    // The Introduction gathers the Abstract and the Overview: its note names both runs, not the lines between.
    expect(body.markdown).toContain(
      `lines ${lineOf(MAIN_V1, 'vendor-neutral')}, ${lineOf(MAIN_V1, 'Events are everywhere')}–`,
    );
    expect(MAIN).toBe('spec/widget-events.md');
  });
});
