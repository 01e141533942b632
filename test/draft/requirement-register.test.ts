// Issue 11, items 7 and 10 on an API spec written by two people (OAuth-style layout, see fixtures/token-api.ts):
// one register entry per requirement sentence, and the committee's data in the cover and the Foreword.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftResult } from '../../content/draft/draft-types.ts';
import { draftFromGit, type DraftFromGitOptions } from '../../content/draft/git/draft-from-git.ts';
import { runGit } from '../../kernel/git/run-git.ts';
import { part } from './draft-widget-events.ts';
import { ALICE, BOB, createFixtureRepo, type FixtureRepo } from './fixture-repo.ts';
import { TOKEN_API_V1 } from './fixtures/token-api.ts';

const PATH = 'docs/token-api.md';

describe('the requirement register of an API spec', () => {
  let repo: FixtureRepo;
  let options: DraftFromGitOptions;
  let en: DraftResult;

  beforeAll(async () => {
    repo = await createFixtureRepo();
    await repo.git('remote', 'add', 'origin', 'https://github.com/acme/token-api.git');
    // Alice writes the request clause without its parameter lists; Bob adds them later.
    const [prose, parameters] = TOKEN_API_V1.split('REQUIRED parameters:');
    await repo.write(PATH, prose!);
    await repo.commit(ALICE, '2024-01-01T00:00:00Z', 'token request');
    await repo.write(PATH, `${prose}REQUIRED parameters:${parameters}`);
    await repo.commit(BOB, '2024-02-01T00:00:00Z', 'parameters');
    options = {
      runGit,
      repo: repo.dir,
      ref: 'main',
      sources: [{ path: PATH, role: 'clauses' }],
      permalinkBase: 'https://github.com',
      lang: 'en',
      type: 'association',
      date: '2025-01-01',
      cwd: repo.dir,
    };
    en = await draftFromGit(options);
  });
  afterAll(() => repo.remove());

  it('7: one entry per sentence, cut on real sentence ends only; mentions are no requirements; labels carry over to their lists', () => {
    expect(en.manifest.requirements.map((r) => [r.id, r.form, r.keyword, r.text])).toEqual([
      // Never cut inside "e.g.", "i.e.", a version, a decimal, a code span or a URL.
      ['R-4-1', 'shall', 'MUST', 'The client shall send the request over TLS 1.2 or later, e.g. TLS 1.3.'],
      ['R-4-2', 'should', 'SHOULD', 'The server should answer within 2.5 s, i.e. before the client gives up.'],
      ['R-4-3', 'shall not', 'MUST NOT', 'The value of scope.max shall not exceed 10.'],
      ['R-4-4', 'shall', 'MUST', 'The client shall fetch keys from https://example.org/keys.v2.json before it signs.'],
      // "etc." followed by a capital letter ends its sentence.
      ['R-4-5', 'may', 'MAY', 'Clients may cache tokens, credentials, etc.'],
      ['R-4-6', 'shall', 'MUST', 'Then they shall refresh them before expiry.'],
      // The quoted "MUST" is a mention; the repeated TLS sentence is the same entry as R-4-1.
      // Each item under "REQUIRED parameters:" / "OPTIONAL parameters:" is one requirement of the label's strength.
      ['R-4-7', 'shall', 'REQUIRED', 'grant_type: the grant being used.'],
      ['R-4-8', 'shall', 'REQUIRED', "client_id: the client's identifier."],
      ['R-4-9', 'may', 'OPTIONAL', 'scope: the scope asked for.'],
    ]);
    // The conventions paragraph quoting every keyword is replaced, and a keyword in a column header is no requirement.
    expect(en.markdown).not.toContain('are to be interpreted');
    expect(en.markdown).toContain('The word "MUST" in a quoted error message is no requirement.');
    expect(en.markdown).toMatch(
      /\} Required parameters:\n\n- \[\]\{#c-[0-9a-f]{12}\} `grant_type`: the grant being used\./,
    );
  });

  it('9: a bare URL cited with a requirement names no document: Bibliography, reported', () => {
    expect(part(en.markdown, '## 2 Normative references')).toContain(
      'There are no normative references in this document.',
    );
    expect(part(en.markdown, '## Bibliography')).toContain('https://example.org/keys.v2.json');
    expect(en.lint.filter((l) => l.rule === 'reference-unidentified').map((l) => [l.line, l.params.url])).toEqual([
      [TOKEN_API_V1.split('\n').findIndex((l) => l.includes('a.b for the list')) + 1, 'https://example.org/a.b'],
      [TOKEN_API_V1.split('\n').findIndex((l) => l.includes('keys.v2.json')) + 1, 'https://example.org/keys.v2.json'],
    ]);
  });

  it('10: lists every missing piece of committee data in the lint report, in the draft’s language', async () => {
    expect(en.lint.filter((l) => l.rule === 'missing-committee-data').map((l) => l.message)).toEqual([
      "Missing proposing unit (proposer): set it in sources.yml or with the draft command's option, so that the cover and the Foreword state it.",
      "Missing responsible committee (committee): set it in sources.yml or with the draft command's option, so that the cover and the Foreword state it.",
      "Missing drafting units (draftingUnits): set it in sources.yml or with the draft command's option, so that the cover and the Foreword state it.",
      "Missing drafters (drafters): set it in sources.yml or with the draft command's option, so that the cover and the Foreword state it.",
      "Missing ICS code (ics): set it in sources.yml or with the draft command's option, so that the cover and the Foreword state it.",
      "Missing CCS code (ccs): set it in sources.yml or with the draft command's option, so that the cover and the Foreword state it.",
    ]);
    expect(part(en.markdown, '## Foreword')).not.toMatch(/proposed by|jurisdiction|Drafting organizations|drafters/i);
    const zh = await draftFromGit({
      ...options,
      lang: 'zh',
      committee: { proposer: '开放标准协会', ics: '35.240.60' },
    });
    expect(zh.lint.filter((l) => l.rule === 'missing-committee-data').map((l) => l.params.field)).toEqual([
      { code: 'draft.field.committee' },
      { code: 'draft.field.drafting-units' },
      { code: 'draft.field.drafters' },
      { code: 'draft.field.ccs' },
    ]);
    expect(zh.lint.find((l) => l.rule === 'missing-committee-data')!.message).toBe(
      '未提供归口单位（committee）：请在 sources.yml 中或用起草命令的选项设置，以便封面和前言写明。',
    );
  });

  it('10: states the committee’s data on the cover (front matter) and in the Foreword, in both languages', async () => {
    const committee = {
      proposer: '开放标准协会',
      committee: '开放标准协会标准化技术委员会',
      draftingUnits: ['甲科技有限公司', '乙研究院'],
      drafters: ['刘一', '王二'],
      ics: '35.240.60',
      ccs: 'L67',
    };
    const zh = await draftFromGit({ ...options, lang: 'zh', committee, titleZh: '令牌接口', titleEn: 'Token API' });
    expect(zh.markdown).toMatch(/^standard:\n(?: {2}.*\n)* {2}ics: 35\.240\.60\n {2}ccs: L67\n/m);
    expect(zh.markdown).toMatch(
      /^committee:\n {2}proposer: 开放标准协会\n {2}committee: 开放标准协会标准化技术委员会\n {2}draftingUnits:\n {4}- 甲科技有限公司\n {4}- 乙研究院\n {2}drafters:\n {4}- 刘一\n {4}- 王二\n/m,
    );
    expect(zh.markdown).toMatch(/^title:\n {2}zh: 令牌接口\n {2}en: Token API\n/m);
    const foreword = part(zh.markdown, '## 前言');
    expect(foreword).toContain(
      '本文件由开放标准协会提出。\n\n本文件由开放标准协会标准化技术委员会归口。\n\n本文件起草单位：甲科技有限公司、乙研究院。\n\n本文件主要起草人：刘一、王二。',
    );
    expect(zh.lint.filter((l) => l.rule === 'missing-committee-data')).toEqual([]);
    const en2 = await draftFromGit({ ...options, committee });
    expect(part(en2.markdown, '## Foreword')).toContain(
      'This document was proposed by 开放标准协会.\n\nThis document is under the jurisdiction of 开放标准协会标准化技术委员会.\n\nDrafting organizations of this document: 甲科技有限公司, 乙研究院.',
    );
  });
});
