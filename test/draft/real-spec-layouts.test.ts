// Issue 11, items 1-6: a spec set laid out like real public specifications (single H1 "Name - Version x.y",
// Abstract, Notational Conventions and Terminology nested under one section with `####` terms, a glossary with group
// headings, doctoc and hand-written tables of contents, Hugo front matter in an HTML comment, <details>, entities,
// <br> in tables, hanging paragraphs, a lone subclause, headings six levels deep), in a repository with a history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftResult, LintIssue } from '../../content/draft/draft-types.ts';
import { draftFromGit } from '../../content/draft/git/draft-from-git.ts';
import { runGit } from '../../kernel/git/run-git.ts';
import { draftWidgetEvents, part } from './draft-widget-events.ts';
import { ALICE, CAROL, createFixtureRepo, type FixtureRepo } from './fixture-repo.ts';
import { EXTENSIONS_V1, GLOSSARY_TERMS, GLOSSARY_V1, MAIN_TERMS, MAIN_V1 } from './fixtures/widget-events.ts';
import { buildWidgetEventsRepo, EXTENSIONS, GLOSSARY, MAIN } from './fixtures/widget-events-repo.ts';

const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const rules = (lint: LintIssue[], rule: LintIssue['rule']): [string, number][] =>
  lint.filter((l) => l.rule === rule).map((l) => [l.path, l.line]);

describe('drafts of real spec layouts', () => {
  let repo: FixtureRepo;
  let zh: DraftResult;
  let en: DraftResult;
  let untitled: DraftResult;

  beforeAll(async () => {
    repo = await buildWidgetEventsRepo();
    zh = await draftWidgetEvents(repo, 'v1.0', 'zh');
    en = await draftWidgetEvents(repo, 'v1.0', 'en', 'body');
    // Without titles from sources.yml, as `magnolia draft spec/widget-events.md spec/extensions.md`.
    untitled = await draftFromGit({
      runGit,
      repo: repo.dir,
      ref: 'v1.0',
      sources: [
        { path: MAIN, role: 'clauses' },
        { path: EXTENSIONS, role: 'clauses' },
      ],
      permalinkBase: 'https://github.com',
      lang: 'en',
      type: 'association',
      date: '2025-01-01',
      cwd: repo.dir,
    });
  });
  afterAll(() => repo.remove());

  it('1: takes the single H1 "Name - Version x.y" as the title; its ## sections and the other files’ H1s are the clauses', () => {
    const md = untitled.markdown;
    expect(md).toContain('\n# WidgetEvents - Version 1.0.2\n');
    expect(md).toMatch(/title:\n {2}zh: null\n {2}en: WidgetEvents - Version 1\.0\.2/);
    expect(md).not.toMatch(/^#+ \d[\d.]* WidgetEvents - Version/m);
    expect(md).toMatch(/^## 4 Context Attributes \{#c-[0-9a-f]{12}\}$/m);
    expect(md).toMatch(/^### 4\.4 Required Attributes /m);
    expect(md).toMatch(/^## 8 Extensions /m);
    expect(md).toMatch(/^### 8\.1 Extension Attributes /m);
    // With titles in sources.yml, they win; the H1 is still no clause.
    expect(zh.markdown).toContain('\n# 小部件事件\n');
    expect(zh.markdown).toMatch(/^## 4 Context Attributes /m);
  });

  it('2: places Abstract and Overview in the Introduction, Notational Conventions (nested) replaced, Terminology (nested) in clause 3', () => {
    const intro = part(en.markdown, '## Introduction');
    expect(intro).toContain('WidgetEvents is a vendor-neutral specification');
    expect(intro).toContain('Events are everywhere.');
    expect(intro).toContain('In this document, "shall" indicates a requirement');
    expect(en.markdown).not.toContain('are to be interpreted as described');
    expect(en.markdown).not.toContain('For clarity, when a feature is marked');
    expect(en.markdown).not.toMatch(/^#+ .*(Notations and Terminology|Notational Conventions|Terminology|Abstract)/m);
    expect(rules(en.lint, 'conventions-replaced')).toEqual([[MAIN, lineOf(MAIN_V1, '### Notational Conventions')]]);
    const terms = part(en.markdown, '## 3 Terms and definitions');
    MAIN_TERMS.forEach(([term], i) => expect(terms).toContain(`### 3.${i + 1} ${term}\n`));
    // The Scope is drafted from the Abstract, and the editor is told.
    expect(part(en.markdown, '## 1 Scope')).toContain('WidgetEvents is a vendor-neutral specification');
    expect(rules(en.lint, 'scope-drafted')).toEqual([[MAIN, lineOf(MAIN_V1, 'WidgetEvents is a vendor-neutral')]]);
  });

  it('3: makes one entry 3.n per term; group headings group them and are no terms', () => {
    const terms = zh.manifest.clauses.filter((c) => c.kind === 'term');
    expect(terms).toHaveLength(MAIN_TERMS.length + GLOSSARY_TERMS);
    expect(terms.map((t) => t.number)).toEqual(terms.map((_, i) => `3.${i + 1}`));
    expect(terms.find((t) => t.title === 'Backoff')?.text).toBe('The delay inserted between two delivery attempts.');
    expect(zh.markdown).not.toMatch(/^### 3\.\d+ (Common|Delivery|User roles|Terminology) /m);
    // "Registry" is a group and a term of the glossary: one entry.
    expect(zh.markdown.match(/^### 3\.\d+ Registry /gm)).toHaveLength(1);
    expect(zh.markdown).not.toContain('本文件没有需要界定的术语和定义');
    expect(rules(zh.lint, 'term-group')).toEqual([
      [MAIN, lineOf(MAIN_V1, '### Terminology')],
      [GLOSSARY, lineOf(GLOSSARY_V1, '## Common')],
      [GLOSSARY, lineOf(GLOSSARY_V1, '## Delivery')],
      [GLOSSARY, lineOf(GLOSSARY_V1, '## Registry')],
      [GLOSSARY, lineOf(GLOSSARY_V1, '## User roles')],
    ]);
    // The sections' own lead-ins give way to the standard's.
    expect(zh.markdown).not.toContain('This specification defines the following terms');
    expect(zh.markdown).toContain('下列术语和定义适用于本文件。');
  });

  it('4: drops tables of contents (a TOC section, a doctoc block) and reports each', () => {
    for (const md of [zh.markdown, en.markdown]) {
      expect(md).not.toMatch(/Table of Contents/i);
      expect(md).not.toContain('](#notational-conventions)');
      expect(md).not.toContain('doctoc');
    }
    expect(rules(en.lint, 'table-of-contents')).toEqual([
      [MAIN, lineOf(MAIN_V1, '## Table of Contents')],
      [GLOSSARY, lineOf(GLOSSARY_V1, 'START doctoc')],
    ]);
  });

  it('5: understands raw HTML: comments dropped and reported, <details> kept, <summary> bold, <br>, entities decoded', () => {
    for (const md of [zh.markdown, en.markdown]) {
      expect(md).not.toMatch(/<!--|\\<!|Hugo front matter|linkTitle/);
      expect(md).not.toMatch(/\\?<\/?(details|summary|br)\b/);
      expect(md).not.toMatch(/&#x20;|&nbsp;|&amp;/);
      expect(md).toContain('**Example**');
      expect(md).toContain('```json\n{ "specversion": "1.0"');
      expect(md).toContain('| Boolean | a boolean value of "true" or "false". Strings are not accepted. |');
      expect(md).toContain('ignore unknown attributes\u00a0entirely. Producers & intermediaries shall forward');
    }
    expect(rules(en.lint, 'dropped-html')).toEqual([[MAIN, 1]]);
    expect(en.lint.find((l) => l.rule === 'dropped-html')!.message).toContain('Hugo front matter');
  });

  it('6: repairs the GB/T 1.1 structure (General, lone subclause, depth) and records each repair with its line', () => {
    const clause4 = part(zh.markdown, '## 4 Context Attributes');
    expect(clause4).toMatch(/^### 4\.1 总则\n\n\[\]\{#c-[0-9a-f]{12}\} Every WidgetEvent conforming/m);
    expect(clause4).toMatch(/^### 4\.2 Attribute Naming Convention /m);
    expect(rules(zh.lint, 'hanging-paragraph')).toEqual([
      [MAIN, lineOf(MAIN_V1, '## Context Attributes')],
      [MAIN, lineOf(MAIN_V1, '### REQUIRED Attributes')],
      [MAIN, lineOf(MAIN_V1, '### OPTIONAL Attributes')],
      [EXTENSIONS, lineOf(EXTENSIONS_V1, '## Known Extensions')],
      [EXTENSIONS, lineOf(EXTENSIONS_V1, '### Naming')],
      [EXTENSIONS, lineOf(EXTENSIONS_V1, '#### Prefixes')],
    ]);
    expect(zh.lint.find((l) => l.rule === 'hanging-paragraph')!.message).toBe(
      '4 在其下级条之前有文字（悬置段）：已移入新增的第一个下级条 4.1“总则”，请确认标题是否合适。',
    );
    expect(en.markdown).toMatch(/^### 4\.1 General$/m);
    // "## Size Limits" has one subclause, "### Batching": merged, its heading a bold line.
    const clause6 = part(zh.markdown, '## 6 Size Limits');
    expect(clause6).not.toMatch(/^### /m);
    expect(clause6).toMatch(
      /\[\]\{#c-[0-9a-f]{12}\} \*\*Batching\*\*\n\n\[\]\{#c-[0-9a-f]{12}\} A batch of events shall not exceed/,
    );
    expect(rules(zh.lint, 'lone-subclause')).toEqual([[MAIN, lineOf(MAIN_V1, '## Size Limits')]]);
    // `######` under `# Extensions` (clause 8) is a sixth level: folded into the fifth.
    expect(zh.markdown).toMatch(/^###### 8\.2\.2\.2\.2 Reserved prefixes /m);
    expect(zh.markdown).toContain('**Vendor prefixes**');
    expect(zh.markdown).not.toMatch(/^####### /m);
    expect(rules(zh.lint, 'depth-over-five')).toEqual([
      [EXTENSIONS, lineOf(EXTENSIONS_V1, '###### Vendor prefixes')],
      [EXTENSIONS, lineOf(EXTENSIONS_V1, '###### Community prefixes')],
    ]);
  });

  it('8: writes lint messages in the draft’s language, with the same codes', () => {
    const toc = (r: DraftResult) => r.lint.find((l) => l.rule === 'table-of-contents')!;
    expect(toc(zh).message).toBe('已删除一个目录：草案有自己的目次。');
    expect(toc(en).message).toBe('A table of contents was dropped: the draft has its own contents.');
    expect(toc(zh).code).toBe(toc(en).code);
    expect(zh.lint.every((l) => /[\u4e00-\u9fff]/.test(l.message))).toBe(true);
  });
});

describe('term entries in the other forms glossaries use', () => {
  it('3: reads definition lists, "Term — definition" items and Term | Definition tables', async () => {
    const repo = await createFixtureRepo();
    try {
      await repo.git('remote', 'add', 'origin', 'https://github.com/acme/forms.git');
      await repo.write(
        'GLOSSARY.md',
        '# Glossary\n\n- **Frame**: a unit of transfer.\n- Stream — a sequence of frames.\n- `ack`: an acknowledgement.\n\n| Term | Definition |\n| ---- | ---------- |\n| Peer | a party to a session |\n| Session | a run of frames between two peers |\n',
      );
      await repo.commit(ALICE, '2024-01-01T00:00:00Z', 'glossary');
      await repo.write(
        'SPEC.md',
        '# Spec\n\n## Terms\n\n**Window**: the frames in flight.\n\n## Wire\n\nA peer MUST ack.\n\n## Order\n\nIn order.\n',
      );
      await repo.commit(CAROL, '2024-02-01T00:00:00Z', 'spec');
      const result = await draftFromGit({
        runGit,
        repo: repo.dir,
        ref: 'main',
        sources: [
          { path: 'SPEC.md', role: 'clauses' },
          { path: 'GLOSSARY.md', role: 'terms' },
        ],
        permalinkBase: 'https://github.com',
        lang: 'en',
        type: 'association',
        date: '2025-01-01',
        cwd: repo.dir,
      });
      const terms = result.manifest.clauses.filter((c) => c.kind === 'term');
      expect(terms.map((t) => [t.number, t.title, t.text])).toEqual([
        ['3.1', 'Window', 'the frames in flight.'],
        ['3.2', 'Frame', 'a unit of transfer.'],
        ['3.3', 'Stream', 'a sequence of frames.'],
        ['3.4', 'ack', 'an acknowledgement.'],
        ['3.5', 'Peer', 'a party to a session'],
        ['3.6', 'Session', 'a run of frames between two peers'],
      ]);
      // Each table row is its own entry, with its own line.
      expect(terms.find((t) => t.title === 'Session')!.origin).toMatchObject({ startLine: 10, endLine: 10 });
    } finally {
      await repo.remove();
    }
  });
});
