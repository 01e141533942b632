import { msg } from '../../../kernel/i18n/message.ts';
import type { EvidenceJson } from '../maturity-json.ts';
import { findCommunityFile } from '../facts/community-files.ts';
import { DAY_MS, apiUnknown, gitUnknown, links, median, numberParam, round, windowOf } from './signal-helpers.ts';
import type { SignalDefinitionCode, TagInput } from './signal-inputs.ts';
import { fileEvidence } from './file-signals.ts';

const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** Whether a tag is a SemVer version; a path prefix (Go modules: `go/v1.2.0`) is allowed. */
export function isSemverTag(name: string): boolean {
  return SEMVER.test(name.slice(name.lastIndexOf('/') + 1));
}

/** `releases.recent`: GitHub releases (not drafts) published in the window (default 365 days). */
export const recentReleases: SignalDefinitionCode = {
  id: 'releases.recent',
  defaultWindowDays: 365,
  source: 'api',
  compute(inputs, params) {
    if (!inputs.api.available) return apiUnknown(inputs.api.reason);
    const w = windowOf(inputs, numberParam(params, 'windowDays', 365));
    const all = inputs.api.releases.filter((r) => !r.draft && r.publishedAt !== null);
    const recent = all.filter((r) => Date.parse(r.publishedAt!) >= w.sinceMs);
    const link = links(inputs);
    const evidence: EvidenceJson[] = (recent.length > 0 ? recent : all).slice(0, 5).map((r) => ({
      kind: 'release',
      url: link.release(r.tagName),
      label: msg(r.prerelease ? 'maturity.evidence.prerelease' : 'maturity.evidence.release', {
        name: r.name ?? r.tagName,
        date: r.publishedAt!.slice(0, 10),
      }),
    }));
    const reason =
      all.length === 0
        ? msg('maturity.releases.none')
        : recent.length === 0
          ? msg('maturity.releases.none-recent', { days: w.days, latest: all[0]!.publishedAt!.slice(0, 10) })
          : null;
    return { value: recent.length, reason, evidence, window: w };
  },
};

/** Version tags (one per commit: `go/v1.0.0` beside `v1.0.0` is the same release), oldest first. */
function versionTags(tags: readonly TagInput[]): TagInput[] {
  const byCommit = new Map<string, TagInput>();
  for (const t of tags) {
    if (!/\d/.test(t.name) || t.taggedAt === null) continue;
    const held = byCommit.get(t.commitSha);
    if (!held || t.name.length < held.name.length) byCommit.set(t.commitSha, t);
  }
  return [...byCommit.values()].sort((a, b) => Date.parse(a.taggedAt!) - Date.parse(b.taggedAt!));
}

/** `releases.cadence`: median days between version tags in the window (default 730 days). */
export const releaseCadence: SignalDefinitionCode = {
  id: 'releases.cadence',
  defaultWindowDays: 730,
  source: 'git',
  compute(inputs, params) {
    if (!inputs.git.available) return gitUnknown(inputs.git.reason);
    const w = windowOf(inputs, numberParam(params, 'windowDays', 730));
    const tags = versionTags(inputs.git.tags).filter((t) => Date.parse(t.taggedAt!) >= w.sinceMs);
    const link = links(inputs);
    const evidence: EvidenceJson[] = tags.slice(-5).map((t) => ({
      kind: 'tag',
      url: link.tag(t.name),
      label: msg('maturity.evidence.tag', { name: t.name, date: t.taggedAt!.slice(0, 10) }),
    }));
    if (tags.length < 2) {
      return {
        value: null,
        status: 'fail',
        reason: msg('maturity.releases.few-tags', { days: w.days }),
        evidence,
        window: w,
      };
    }
    const gaps = tags.slice(1).map((t, i) => (Date.parse(t.taggedAt!) - Date.parse(tags[i]!.taggedAt!)) / DAY_MS);
    return {
      value: round(median(gaps), 1),
      reason: msg('maturity.releases.tags', { count: tags.length }),
      evidence,
      window: w,
    };
  },
};

/** `releases.semver`: the share of tags that are SemVer versions. */
export const semverShare: SignalDefinitionCode = {
  id: 'releases.semver',
  source: 'git',
  compute(inputs) {
    if (!inputs.git.available) return gitUnknown(inputs.git.reason);
    const tags = inputs.git.tags;
    if (tags.length === 0)
      return { value: null, status: 'fail', reason: msg('maturity.releases.no-tags'), evidence: [] };
    const other = tags.filter((t) => !isSemverTag(t.name));
    const link = links(inputs);
    return {
      value: round(1 - other.length / tags.length),
      reason:
        other.length > 0 ? msg('maturity.releases.not-semver', { count: other.length, total: tags.length }) : null,
      evidence: other.slice(0, 5).map((t) => ({
        kind: 'tag',
        url: link.tag(t.name),
        label: msg('maturity.evidence.not-semver', { name: t.name }),
      })),
    };
  },
};

/** `releases.changelog`: a changelog file at the root, in .github/ or docs/. */
export const changelog: SignalDefinitionCode = {
  id: 'releases.changelog',
  source: 'git',
  compute(inputs) {
    if (!inputs.git.available || inputs.head === null)
      return gitUnknown(inputs.git.available ? msg('maturity.no-commit') : inputs.git.reason);
    const file = findCommunityFile(inputs.git.tree, 'changelog');
    if (!file) return { value: false, reason: msg('maturity.files.missing.changelog'), evidence: [] };
    return { value: true, evidence: [fileEvidence(inputs, file.path)] };
  },
};
