import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MaturityJson } from '../../../sync/maturity/maturity-json.ts';
import { ALICE, BOB, createUpstream, type Upstream } from '../../support/git-fixture.ts';
import { startTestInstance, type TestInstance } from '../../support/test-instance.ts';
import { checkFileEvidence, daysAgo, lineAt, mirrorProject, outcome, signalOf } from '../maturity-fixture.ts';

const BOILERPLATE =
  'The key words "MUST", "MUST NOT", "REQUIRED", "SHALL", "SHALL NOT", "SHOULD", "SHOULD NOT", "RECOMMENDED", "MAY", and "OPTIONAL" in this document are to be interpreted as described in BCP 14 [RFC2119] [RFC8174] when, and only when, they appear in all capitals, as shown here.';

// Line 3: boilerplate; lines 7, 8, 9 and 15: requirements; line 12: a MUST in code, not counted.
const PROTOCOL = `# Acme protocol

${BOILERPLATE}

## Frames

A client MUST send a hello frame.
A server MUST NOT answer before the hello frame.
A client SHOULD retry after a timeout.

\`\`\`text
MUST in code is not counted
\`\`\`

A server MAY close idle connections; a lower-case must is not a requirement.
`;

// No boilerplate, but three requirements (lines 3 to 5): still normative.
const WIRE = `# Wire format

Integers MUST be big-endian.
Strings SHALL be UTF-8.
Padding is OPTIONAL.
`;

const LICENSE_APACHE = `Copyright 2026 Acme

                                 Apache License
                           Version 2.0, January 2004
`;

const SECURITY = `# Security policy

We take security seriously.

Report a vulnerability to security@acme.example, privately.
`;

const FORMAT = `# Tablestream format

${BOILERPLATE}

A writer MUST write the magic bytes.
A writer MUST write a footer.
A reader MUST reject a bad footer.
A reader SHOULD verify checksums.
A reader MAY skip unknown columns.
`;

describe('community file and specification signals on constructed repositories', () => {
  let app: TestInstance;
  let acme: { id: number; upstream: Upstream; result: MaturityJson; v1: string };
  let mono: { id: number; upstream: Upstream; result: MaturityJson; tagged: string };

  beforeAll(async () => {
    app = await startTestInstance();
    const at = (days: number) => daysAgo(app, days);

    const a = createUpstream('acme');
    a.commit({ 'README.md': '# Acme\n' }, ALICE, at(400));
    a.git('tag', 'v0.1.0');
    a.commit({ 'spec/protocol.md': PROTOCOL, 'spec/wire.md': WIRE }, BOB, at(300));
    const v1 = a.git('rev-parse', 'HEAD');
    a.git('tag', 'v1.0.0');
    a.git('tag', 'snapshot-2026');
    a.commit(
      {
        'README.md':
          '# Acme\n\nA protocol.\n\n## Implementations\n\n- [acme-js](https://github.com/third/acme-js)\n\n## Links\n\n- [website](https://acme.example)\n',
        'IMPLEMENTATIONS.md':
          '# Implementations\n\n- [acme-go](https://github.com/acme/acme-go): Go\n- [acme-rs](https://github.com/other/acme-rs/): Rust\n- [acme-go, again](https://github.com/acme/acme-go)\n',
        LICENSE: LICENSE_APACHE,
        'CONTRIBUTING.md':
          '# Contributing\n\nYou MUST sign off your commits. You MUST run the tests. You SHOULD add a test.\n',
        '.github/CODE_OF_CONDUCT.md': '# Code of conduct\n\nBe kind.\n',
        'docs/GOVERNANCE.md': '# Governance\n\nLazy consensus.\n',
        MAINTAINERS: 'Alice Zhang <alice@cloudtide.example>\nBob Li <bob@hanhai.example>\n',
        'SECURITY.md': SECURITY,
        'ADOPTERS.md': '# Adopters\n\n- Cloudtide\n',
        'ROADMAP.md': '# Roadmap\n\n- 2.0\n',
        'CHANGELOG.md': '# Changelog\n\n## 1.0.0\n\n- First.\n',
        'docs/howto.md': '# How to\n\nYou MUST read this first.\n',
        'conformance/README.md': '# Conformance suite\n\nRun every case.\n',
        'conformance/cases/hello.json': '{"send": "hello"}\n',
      },
      ALICE,
      at(100),
    );
    a.push('main', '--tags');

    // A monorepo: the spec and its suite in a package folder, vendored documents, community files only in the package.
    const m = createUpstream('mono');
    m.commit(
      {
        'README.md': '# Monorepo\n',
        LICENSE: 'SPDX-License-Identifier: BUSL-1.1\n\nBusiness Source License 1.1\n',
        'packages/format/spec/format.md': FORMAT,
        'packages/format/conformance/vectors/footer.bin.txt': 'ff00\n',
        'packages/format/SECURITY.md': SECURITY,
        'packages/format/README.md': '# format\n',
        'vendor/github.com/x/y/SPEC.md': 'It MUST. It MUST. It MUST. It MUST. It MUST. It MUST.\n',
        'node_modules/z/README.md': '# z\n\nIt MUST. It MUST. It MUST.\n',
      },
      BOB,
      at(200),
    );
    const tagged = m.git('rev-parse', 'HEAD');
    m.git('tag', 'format/v1.0.0');
    m.push('main', '--tags');

    const acmeId = await mirrorProject(app, 'acme/protocol', a);
    const monoId = await mirrorProject(app, 'hanhai/mono', m);
    acme = { id: acmeId, upstream: a, v1, result: await app.sync.maturity.evaluate(acmeId) };
    mono = { id: monoId, upstream: m, tagged, result: await app.sync.maturity.evaluate(monoId) };
  }, 60_000);
  afterAll(() => app.destroy());

  const url = (fullName: string, rest: string) => `${app.config.githubUrl}/${fullName}/${rest}`;

  it('finds every community file at the root, in .github/ and in docs/, with lines pinned to the commit', () => {
    const head = acme.upstream.head();
    const evidence = (id: string) => signalOf(acme.result, id).evidence.map((e) => e.url);
    for (const [id, path, lines] of [
      ['files.readme', 'README.md', 11],
      ['files.contributing', 'CONTRIBUTING.md', 3],
      ['files.code-of-conduct', '.github/CODE_OF_CONDUCT.md', 3],
      ['files.governance', 'docs/GOVERNANCE.md', 3],
      ['files.maintainers', 'MAINTAINERS', 2],
      ['files.adopters', 'ADOPTERS.md', 3],
      ['files.roadmap', 'ROADMAP.md', 3],
      ['releases.changelog', 'CHANGELOG.md', 5],
    ] as const) {
      expect(outcome(acme.result, id), id).toEqual({ value: true, status: 'pass', reason: null });
      expect(evidence(id)).toEqual([url('acme/protocol', `blob/${head}/${path}#L1-L${lines}`)]);
    }
  });

  it('recognises the licence and the line that names it, and whether it is OSI-approved', () => {
    expect(outcome(acme.result, 'files.license')).toEqual({
      value: 'Apache-2.0',
      status: 'pass',
      reason: 'OSI-approved',
    });
    const [evidence] = signalOf(acme.result, 'files.license').evidence;
    expect(evidence).toEqual({
      kind: 'lines',
      url: url('acme/protocol', `blob/${acme.upstream.head()}/LICENSE#L3-L3`),
      label: 'LICENSE: Apache-2.0',
    });
    expect(lineAt(app, acme.id, acme.upstream.head(), 'LICENSE', 3)).toContain('Apache License');
    expect(outcome(mono.result, 'files.license')).toEqual({
      value: 'BUSL-1.1',
      status: 'fail',
      reason: 'BUSL-1.1 is not OSI-approved',
    });
  });

  it('links the line of the security policy that says how to report', () => {
    expect(outcome(acme.result, 'files.security')).toEqual({ value: true, status: 'pass', reason: null });
    expect(signalOf(acme.result, 'files.security').evidence[0]!.url).toBe(
      url('acme/protocol', `blob/${acme.upstream.head()}/SECURITY.md#L5-L5`),
    );
    expect(lineAt(app, acme.id, acme.upstream.head(), 'SECURITY.md', 5)).toContain('security@acme.example');
    // In a package folder it is not the project's policy (GitHub looks at the root, .github/ and docs/ only).
    expect(outcome(mono.result, 'files.security')).toEqual({
      value: false,
      status: 'fail',
      reason: 'no SECURITY file at the root, in .github/ or in docs/',
    });
  });

  it('counts BCP 14 requirements of normative documents only (not code, lower case, community files or one stray MUST)', () => {
    const head = acme.upstream.head();
    expect(outcome(acme.result, 'spec.normative-documents')).toEqual({
      value: 7,
      status: 'pass',
      reason: '2 normative documents',
    });
    expect(signalOf(acme.result, 'spec.normative-documents').evidence).toEqual([
      {
        kind: 'lines',
        url: url('acme/protocol', `blob/${head}/spec/protocol.md#L3-L3`),
        label: 'spec/protocol.md: BCP 14 boilerplate',
      },
      {
        kind: 'lines',
        url: url('acme/protocol', `blob/${head}/spec/protocol.md#L7-L7`),
        label: 'spec/protocol.md: 4 requirements (MUST 1, MUST NOT 1, SHOULD 1, MAY 1); first at line 7',
      },
      {
        kind: 'lines',
        url: url('acme/protocol', `blob/${head}/spec/wire.md#L3-L3`),
        label: 'spec/wire.md: 3 requirements (MUST 1, SHALL 1, OPTIONAL 1); first at line 3',
      },
    ]);
    expect(lineAt(app, acme.id, head, 'spec/protocol.md', 7)).toBe('A client MUST send a hello frame.');
    expect(lineAt(app, acme.id, head, 'spec/protocol.md', 3)).toContain('BCP 14');
  });

  it('counts version tags that carry the specification, the conformance suite and distinct implementations', () => {
    expect(outcome(acme.result, 'spec.versioned-releases')).toEqual({
      value: 2,
      status: 'pass',
      reason: '2 tags carry the specification',
    });
    // v0.1.0 predates the spec; v1.0.0 and snapshot-2026 point at the commit that added it.
    expect(
      signalOf(acme.result, 'spec.versioned-releases')
        .evidence.map((e) => e.url)
        .sort(),
    ).toEqual([
      url('acme/protocol', `blob/${acme.v1}/spec/protocol.md`),
      url('acme/protocol', `blob/${acme.v1}/spec/protocol.md`),
    ]);
    expect(outcome(acme.result, 'releases.semver')).toEqual({
      value: 0.67,
      status: 'pass',
      reason: '1 of 3 tags is not SemVer',
    });
    expect(outcome(acme.result, 'spec.conformance-suite')).toEqual({
      value: 2,
      status: 'pass',
      reason: '2 files in the suite',
    });
    expect(signalOf(acme.result, 'spec.conformance-suite').evidence[0]!.url).toBe(
      url('acme/protocol', `blob/${acme.upstream.head()}/conformance/README.md`),
    );
    expect(outcome(acme.result, 'spec.implementations')).toEqual({ value: 3, status: 'pass', reason: null });
    expect(signalOf(acme.result, 'spec.implementations').evidence.map((e) => e.label)).toEqual([
      'IMPLEMENTATIONS.md: https://github.com/acme/acme-go',
      'IMPLEMENTATIONS.md: https://github.com/other/acme-rs/',
      'README.md: https://github.com/third/acme-js',
    ]);
  });

  it('finds a monorepo spec and its suite in a subfolder, and ignores vendored documents', () => {
    const head = mono.upstream.head();
    expect(outcome(mono.result, 'spec.normative-documents')).toEqual({
      value: 5,
      status: 'pass',
      reason: '1 normative document',
    });
    expect(signalOf(mono.result, 'spec.normative-documents').evidence.map((e) => e.url)).toEqual([
      url('hanhai/mono', `blob/${head}/packages/format/spec/format.md#L3-L3`),
      url('hanhai/mono', `blob/${head}/packages/format/spec/format.md#L5-L5`),
    ]);
    expect(outcome(mono.result, 'spec.conformance-suite')).toEqual({
      value: 1,
      status: 'pass',
      reason: '1 file in the suite',
    });
    expect(outcome(mono.result, 'spec.versioned-releases')).toEqual({
      value: 1,
      status: 'pass',
      reason: '1 tag carries the specification',
    });
    expect(signalOf(mono.result, 'spec.versioned-releases').evidence).toEqual([
      {
        kind: 'file',
        url: url('hanhai/mono', `blob/${mono.tagged}/packages/format/spec/format.md`),
        label: 'packages/format/spec/format.md in format/v1.0.0',
      },
    ]);
    // A Go-module style tag prefix is still SemVer.
    expect(outcome(mono.result, 'releases.semver')).toMatchObject({ value: 1, status: 'pass' });
  });

  it('pins every file and lines evidence to a path and lines that exist at the evaluated commit', () => {
    const acmeSeen = checkFileEvidence(app, acme.id, acme.result);
    expect(acmeSeen.length).toBeGreaterThanOrEqual(15);
    expect(acmeSeen).toContain('spec/protocol.md#L7-L7');
    const monoSeen = checkFileEvidence(app, mono.id, mono.result);
    expect(monoSeen).toContain('packages/format/spec/format.md#L5-L5');
  });
});
