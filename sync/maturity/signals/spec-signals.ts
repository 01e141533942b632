import { msg } from '../../../kernel/i18n/message.ts';
import type { EvidenceJson } from '../maturity-json.ts';
import { isMarkdownPath } from '../facts/blob-facts.ts';
import { normativeDocuments } from '../facts/normative-documents.ts';
import { isVendoredPath } from '../facts/community-files.ts';
import { gitUnknown, links } from './signal-helpers.ts';
import type { SignalDefinitionCode, SignalInputs, SignalOutcome } from './signal-inputs.ts';

function precondition(inputs: SignalInputs): SignalOutcome | null {
  if (!inputs.git.available) return gitUnknown(inputs.git.reason);
  if (inputs.head === null) return gitUnknown(msg('maturity.no-commit'));
  return null;
}

const KEYWORD_ORDER = [
  'MUST',
  'MUST NOT',
  'REQUIRED',
  'SHALL',
  'SHALL NOT',
  'SHOULD',
  'SHOULD NOT',
  'RECOMMENDED',
  'NOT RECOMMENDED',
  'MAY',
  'OPTIONAL',
];

/** `spec.normative-documents`: requirements (BCP 14 keywords) in the project's normative Markdown documents. */
export const normativeSpecs: SignalDefinitionCode = {
  id: 'spec.normative-documents',
  source: 'git',
  compute(inputs) {
    const early = precondition(inputs);
    if (early || !inputs.git.available) return early!;
    const docs = normativeDocuments(inputs.git.tree, inputs.git.facts);
    if (docs.length === 0)
      return {
        value: 0,
        reason: msg('maturity.spec.none'),
        evidence: [],
      };
    const link = links(inputs);
    const evidence: EvidenceJson[] = [];
    for (const d of docs.slice(0, 10)) {
      const lines = d.facts.bcp14.lines;
      const counts = KEYWORD_ORDER.filter((k) => d.facts.bcp14.byKeyword[k])
        .map((k) => `${k} ${d.facts.bcp14.byKeyword[k]}`)
        .join(', ');
      if (d.facts.boilerplate) {
        evidence.push({
          kind: 'lines',
          url: link.lines(inputs.head!, d.path, d.facts.boilerplate.from, d.facts.boilerplate.to),
          label: msg('maturity.evidence.boilerplate', { path: d.path }),
        });
      }
      evidence.push({
        kind: 'lines',
        url: link.lines(inputs.head!, d.path, lines[0]!, lines[0]!),
        label: msg('maturity.evidence.requirements', {
          path: d.path,
          count: d.facts.bcp14.count,
          keywords: counts,
          line: lines[0]!,
        }),
      });
    }
    const total = docs.reduce((sum, d) => sum + d.facts.bcp14.count, 0);
    return { value: total, reason: msg('maturity.spec.documents', { count: docs.length }), evidence };
  },
};

/** `spec.versioned-releases`: version tags whose tree holds a normative document (at its current path). */
export const versionedSpecReleases: SignalDefinitionCode = {
  id: 'spec.versioned-releases',
  source: 'git',
  compute(inputs) {
    const early = precondition(inputs);
    if (early || !inputs.git.available) return early!;
    const link = links(inputs);
    const tagged = inputs.git.tags.filter((t) =>
      inputs.git.available ? (inputs.git.specAtTags.get(t.name)?.length ?? 0) > 0 : false,
    );
    if (tagged.length === 0) return { value: 0, reason: msg('maturity.spec.no-tagged'), evidence: [] };
    const evidence: EvidenceJson[] = tagged.slice(-5).map((t) => {
      const path = inputs.git.available ? inputs.git.specAtTags.get(t.name)![0]! : '';
      return {
        kind: 'file',
        url: link.file(t.commitSha, path),
        label: msg('maturity.evidence.path-in-tag', { path, tag: t.name }),
      };
    });
    return { value: tagged.length, reason: msg('maturity.spec.tagged', { count: tagged.length }), evidence };
  },
};

const SUITE_DIR = /^(conformance|conformance[-_]tests?|compliance|tck|test[-_]?suite|interop|test[-_]?vectors)$/i;

/** `spec.conformance-suite`: files in a conformance (TCK, compliance, test-suite) directory. */
export const conformanceSuite: SignalDefinitionCode = {
  id: 'spec.conformance-suite',
  source: 'git',
  compute(inputs) {
    const early = precondition(inputs);
    if (early || !inputs.git.available) return early!;
    const files = inputs.git.tree.filter(
      (e) =>
        !isVendoredPath(e.path) &&
        e.path
          .split('/')
          .slice(0, -1)
          .some((dir) => SUITE_DIR.test(dir)),
    );
    if (files.length === 0) return { value: 0, reason: msg('maturity.spec.no-suite'), evidence: [] };
    const link = links(inputs);
    const readme = files.find((f) => /(^|\/)readme\.md$/i.test(f.path));
    const shown = [...(readme ? [readme] : []), ...files.filter((f) => f !== readme).slice(0, 4)];
    return {
      value: files.length,
      reason: msg('maturity.spec.suite-files', { count: files.length }),
      evidence: shown.map((f) => ({
        kind: 'file',
        url: link.file(inputs.head!, f.path),
        label: msg('maturity.evidence.path', { path: f.path }),
      })),
    };
  },
};

const IMPLEMENTATIONS_FILE = /(^|\/)implementations?\.(md|markdown)$/i;
const IMPLEMENTATIONS_HEADING = /implementations?|实现/i;

/** `spec.implementations`: distinct implementations listed (IMPLEMENTATIONS.md, or an "Implementations" section). */
export const implementations: SignalDefinitionCode = {
  id: 'spec.implementations',
  source: 'git',
  compute(inputs) {
    const early = precondition(inputs);
    if (early || !inputs.git.available) return early!;
    const link = links(inputs);
    const seen = new Map<string, EvidenceJson>();
    for (const entry of inputs.git.tree) {
      if (!isMarkdownPath(entry.path) || isVendoredPath(entry.path)) continue;
      const facts = inputs.git.facts.get(entry.path);
      if (!facts) continue;
      const whole = IMPLEMENTATIONS_FILE.test(entry.path);
      for (const item of facts.linkedItems) {
        if (!whole && !(item.heading !== null && IMPLEMENTATIONS_HEADING.test(item.heading))) continue;
        const key = item.urls[0]!.replace(/\/+$/, '').toLowerCase();
        if (!seen.has(key))
          seen.set(key, {
            kind: 'lines',
            url: link.lines(inputs.head!, entry.path, item.line, item.line),
            label: msg('maturity.evidence.implementation', { path: entry.path, url: item.urls[0]! }),
          });
      }
    }
    if (seen.size === 0)
      return {
        value: 0,
        reason: msg('maturity.spec.no-implementations'),
        evidence: [],
      };
    return { value: seen.size, evidence: [...seen.values()].slice(0, 10) };
  },
};
