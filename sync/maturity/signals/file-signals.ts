import { msg, type Message } from '../../../kernel/i18n/message.ts';
import { findCommunityFile, type CommunityFile } from '../facts/community-files.ts';
import { isOsiApproved } from '../facts/detect-license.ts';
import type { EvidenceJson } from '../maturity-json.ts';
import { gitUnknown, links } from './signal-helpers.ts';
import type { SignalDefinitionCode, SignalInputs, SignalOutcome } from './signal-inputs.ts';

/** Evidence for a whole file at the evaluated commit: its lines when it has any. */
export function fileEvidence(
  inputs: SignalInputs,
  path: string,
  label: Message = msg('maturity.evidence.path', { path }),
): EvidenceJson {
  const link = links(inputs);
  const lines = inputs.git.available ? inputs.git.facts.get(path)?.lines : undefined;
  return lines && lines > 0
    ? { kind: 'lines', url: link.lines(inputs.head!, path, 1, lines), label }
    : { kind: 'file', url: link.file(inputs.head!, path), label };
}

function precondition(inputs: SignalInputs): SignalOutcome | null {
  if (!inputs.git.available) return gitUnknown(inputs.git.reason);
  if (inputs.head === null) return gitUnknown(msg('maturity.no-commit'));
  return null;
}

/** A presence signal: the community file exists at the root, in .github/ or docs/. */
function presence(id: string, kind: CommunityFile): SignalDefinitionCode {
  return {
    id,
    source: 'git',
    compute(inputs) {
      const early = precondition(inputs);
      if (early || !inputs.git.available) return early!;
      const file = findCommunityFile(inputs.git.tree, kind);
      if (!file) return { value: false, reason: msg(`maturity.files.missing.${kind}`), evidence: [] };
      return { value: true, evidence: [fileEvidence(inputs, file.path)] };
    },
  };
}

export const readme = presence('files.readme', 'readme');
export const contributing = presence('files.contributing', 'contributing');
export const codeOfConduct = presence('files.code-of-conduct', 'code-of-conduct');
export const governance = presence('files.governance', 'governance');
export const maintainersFile = presence('files.maintainers', 'maintainers');
export const adopters = presence('files.adopters', 'adopters');
export const roadmap = presence('files.roadmap', 'roadmap');

/** `files.license`: the licence file's SPDX id; passes when the licence is OSI-approved (param `requireOsi`). */
export const license: SignalDefinitionCode = {
  id: 'files.license',
  source: 'git',
  compute(inputs, params) {
    const early = precondition(inputs);
    if (early || !inputs.git.available) return early!;
    const file = findCommunityFile(inputs.git.tree, 'license');
    if (!file) return { value: null, status: 'fail', reason: msg('maturity.files.license.missing'), evidence: [] };
    const found = inputs.git.facts.get(file.path)?.license ?? null;
    // The API's licence detection (when known) names licences the text matcher does not know.
    const spdx =
      found?.spdx ??
      (inputs.repository.licenseSpdx && inputs.repository.licenseSpdx !== 'NOASSERTION'
        ? inputs.repository.licenseSpdx
        : null);
    const evidence: EvidenceJson[] = [
      found
        ? {
            kind: 'lines',
            url: links(inputs).lines(inputs.head!, file.path, found.line, found.line),
            label: msg('maturity.evidence.licence', { path: file.path, spdx: found.spdx }),
          }
        : fileEvidence(inputs, file.path),
    ];
    if (!spdx)
      return {
        value: null,
        status: 'fail',
        reason: msg('maturity.files.license.unrecognised', { path: file.path }),
        evidence,
      };
    const osi = isOsiApproved(spdx);
    if (params.requireOsi === false)
      return {
        value: spdx,
        status: 'pass',
        reason: msg(osi ? 'maturity.files.license.osi' : 'maturity.files.license.not-osi-allowed', { spdx }),
        evidence,
      };
    return {
      value: spdx,
      status: osi ? 'pass' : 'fail',
      reason: msg(osi ? 'maturity.files.license.osi' : 'maturity.files.license.not-osi', { spdx }),
      evidence,
    };
  },
};

/** `files.security`: a security policy that says how to report a vulnerability. */
export const security: SignalDefinitionCode = {
  id: 'files.security',
  source: 'git',
  compute(inputs) {
    const early = precondition(inputs);
    if (early || !inputs.git.available) return early!;
    const file = findCommunityFile(inputs.git.tree, 'security');
    if (!file) return { value: false, reason: msg('maturity.files.missing.security'), evidence: [] };
    const line = inputs.git.facts.get(file.path)?.reportingLine ?? null;
    if (line === null) {
      return {
        value: false,
        reason: msg('maturity.files.security.no-channel', { path: file.path }),
        evidence: [fileEvidence(inputs, file.path)],
      };
    }
    return {
      value: true,
      evidence: [
        {
          kind: 'lines',
          url: links(inputs).lines(inputs.head!, file.path, line, line),
          label: msg('maturity.evidence.how-to-report', { path: file.path }),
        },
      ],
    };
  },
};
