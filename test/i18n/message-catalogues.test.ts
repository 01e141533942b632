import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { enMessages } from '../../content/i18n/messages/en.ts';
import { zhCNMessages } from '../../content/i18n/messages/zh-CN.ts';
import { renderMessage } from '../../content/i18n/render-message.ts';
import { msg } from '../../kernel/i18n/message.ts';
import { GUARDS } from '../../sync/proposals/workflow/guard-names.ts';
import { ACTORS } from '../../sync/proposals/workflow/workflow-schema.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// Codes built from a template literal in the engines, expanded by hand: keep in step with the code.
const TEMPLATED: Record<string, string[]> = {
  'maturity.files.missing.${kind}': [
    'readme',
    'contributing',
    'code-of-conduct',
    'governance',
    'maintainers',
    'adopters',
    'roadmap',
  ].map((k) => `maturity.files.missing.${k}`),
  'maturity.response.${measure}-unanswered': ['median', 'p90'].map((m) => `maturity.response.${m}-unanswered`),
  'maturity.response.${measure}': ['median', 'p90'].map((m) => `maturity.response.${m}`),
  'proposal.actor.${kind}': ACTORS.map((a) => `proposal.actor.${a}`),
  'proposal.ballot.${facts.ballot.status}': ['open', 'closed'].map((s) => `proposal.ballot.${s}`),
  'proposal.guard.${guard}${variant}': [
    ...GUARDS.map((g) => `proposal.guard.${g}`),
    ...['notice-over', 'comment-period-over', 'review-due'].map((g) => `proposal.guard.${g}.missing`),
  ],
};

/** Every message code the runtime code names in a `msg(...)` call. */
function codesInSource(): string[] {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((f) => /^(kernel|db|sync|content|server|scripts)\//.test(f) && fs.existsSync(path.join(ROOT, f)));
  const codes = new Set<string>();
  for (const file of files) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    for (const m of text.matchAll(
      /\bmsg\(\s*(?:[^,()]*\?\s*)?(['`])([a-z][\w.${}-]*)\1(?:\s*:\s*(['`])([a-z][\w.${}-]*)\3)?/g,
    )) {
      for (const code of [m[2], m[4]]) {
        if (!code) continue;
        for (const expanded of TEMPLATED[code] ?? [code]) codes.add(expanded);
      }
    }
  }
  return [...codes].sort();
}

const placeholders = (entry: unknown): string[] =>
  typeof entry === 'string' ? [...entry.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort() : [];

describe('message catalogues', () => {
  it('know every code the engines use, in both languages', () => {
    const codes = codesInSource();
    expect(codes.length).toBeGreaterThan(60);
    expect(codes.filter((c) => !Object.hasOwn(enMessages, c))).toEqual([]);
    expect(codes.filter((c) => !Object.hasOwn(zhCNMessages, c))).toEqual([]);
  });

  it('have the same codes and the same parameters in Chinese and English', () => {
    expect(Object.keys(zhCNMessages).sort()).toEqual(Object.keys(enMessages).sort());
    const differing = Object.keys(enMessages).filter(
      (code) =>
        typeof zhCNMessages[code] === 'string' &&
        typeof enMessages[code] === 'string' &&
        placeholders(zhCNMessages[code]).join() !== placeholders(enMessages[code]).join(),
    );
    expect(differing).toEqual([]);
  });

  it('say every Chinese text in Chinese (only pure parameter templates carry no Chinese)', () => {
    const english = Object.entries(zhCNMessages).filter(
      ([, entry]) =>
        typeof entry === 'string' &&
        !/[\u4e00-\u9fff]/.test(entry) &&
        entry.replace(/\{\w+\}|[\s:#()：（）]/g, '') !== '',
    );
    expect(english).toEqual([]);
  });

  it('render nested messages in the same language, and show an unknown code instead of failing', () => {
    const reason = msg('maturity.api-unknown', { reason: msg('github.rate-limit') });
    expect(renderMessage(reason, 'en')).toBe('API metadata unknown: GitHub API rate limit exhausted');
    expect(renderMessage(reason, 'zh-CN')).toBe('API 元数据未知：GitHub API 请求额度已用完');
    expect(renderMessage(msg('maturity.spec.documents', { count: 1 }), 'en')).toBe('1 normative document');
    expect(renderMessage(msg('no.such.code', { n: 1 }), 'zh-CN')).toBe('no.such.code {"n":1}');
    expect(renderMessage(msg('constructor'), 'en')).toBe('constructor');
  });
});
