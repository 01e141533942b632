// English texts of the engines' message codes (see kernel/i18n/message.ts). `{name}` is filled from the
// message's parameters; a function entry decides wording that depends on a number (plurals). The technical
// parameters `detail` and `error` (git's stderr, GitHub's own error text) are data, never part of a sentence:
// renderMessage appends them, renderMessageParts gives them apart for a secondary line.
import { plural } from '../plural.ts';
import type { MessageCatalogue, RenderedParams } from '../render-message.ts';
import { enBallotMessages } from './ballot-en.ts';
import { enCommentMessages } from './comment-en.ts';
import { enWorkflowMessages } from './workflow-en.ts';
import { enNotificationMessages } from './notification-en.ts';

/** An entry whose wording follows the number in parameter `key` (Intl.PluralRules: one or other). */
const counted =
  (key: string, one: string, other: string) =>
  (p: RenderedParams): string =>
    plural('en', { one, other }, Number(p[key]), p);

/** English: the reference catalogue; zh-CN.ts has exactly its keys (a test checks it). */
export const enMessages: MessageCatalogue = {
  text: '{text}',
  ...enWorkflowMessages,
  ...enNotificationMessages,
  ...enBallotMessages,
  ...enCommentMessages,

  // Maturity: why a signal has its status.
  'maturity.api-unknown': 'API metadata unknown: {reason}',
  'maturity.no-commit': 'no commit to evaluate',
  'maturity.not-computed': 'not computed',
  'maturity.unknown': 'unknown',
  'maturity.history.not-reconstructed': 'not reconstructed for past dates (API data as it was then is not held)',
  'maturity.no-value': 'no value',
  'maturity.below-threshold': '{value} does not meet {threshold}',
  'maturity.archived': 'the repository is archived: it is no longer maintained',
  'maturity.mirror.failed': 'the mirror could not be fetched',
  'maturity.mirror.not-fetched': 'the mirror has not been fetched yet',
  'maturity.metadata.not-fetched': 'metadata has not been fetched yet',
  'maturity.files.missing.readme': 'no README file at the root, in .github/ or in docs/',
  'maturity.files.missing.license': 'no LICENSE file at the root, in .github/ or in docs/',
  'maturity.files.missing.contributing': 'no CONTRIBUTING file at the root, in .github/ or in docs/',
  'maturity.files.missing.code-of-conduct': 'no CODE_OF_CONDUCT file at the root, in .github/ or in docs/',
  'maturity.files.missing.governance': 'no GOVERNANCE file at the root, in .github/ or in docs/',
  'maturity.files.missing.maintainers': 'no MAINTAINERS or CODEOWNERS file at the root, in .github/ or in docs/',
  'maturity.files.missing.security': 'no SECURITY file at the root, in .github/ or in docs/',
  'maturity.files.missing.adopters': 'no ADOPTERS file at the root, in .github/ or in docs/',
  'maturity.files.missing.roadmap': 'no ROADMAP file at the root, in .github/ or in docs/',
  'maturity.files.missing.changelog': 'no CHANGELOG, CHANGES, HISTORY or NEWS file',
  'maturity.files.license.missing': 'no LICENSE file',
  'maturity.files.license.unrecognised': '{path} is not a licence Magnolia recognises',
  'maturity.files.license.osi': 'OSI-approved',
  'maturity.files.license.not-osi': '{spdx} is not OSI-approved',
  'maturity.files.license.not-osi-allowed': 'not OSI-approved',
  'maturity.files.security.no-channel':
    '{path} does not say how to report a vulnerability (an address or a private channel)',
  'maturity.commits.none': 'no commits by people in the last {days} days',
  'maturity.commits.none-bots': 'no commits by people in the last {days} days ({bots} by bots not counted)',
  'maturity.commits.people-bots': counted(
    'count',
    '{count} commit by people ({bots} by bots not counted)',
    '{count} commits by people ({bots} by bots not counted)',
  ),
  'maturity.commits.none-yet': 'no commits yet',
  'maturity.maintained.too-young': 'younger than {days} days: too young to show sustained maintenance',
  'maturity.maintained.events': (p) =>
    `${counted('commits', '{commits} commit', '{commits} commits')(p)} and ${counted('items', '{items} issue or pull request', '{items} issues or pull requests')(p)} with maintainer activity`,
  'maturity.people.groups': counted(
    'commits',
    '{groups} in all made {commits} commit',
    '{groups} in all made {commits} commits',
  ),
  'maturity.people.independent': '{name} (independent)',
  'maturity.people.newcomers': counted(
    'count',
    '{count} new contributor in {days} days',
    '{count} new contributors in {days} days',
  ),
  'maturity.dco.share': counted(
    'total',
    '{signed} of {total} commit signed off',
    '{signed} of {total} commits signed off',
  ),
  'maturity.dco.share-merges': (p) =>
    `${counted('total', '{signed} of {total} commit signed off', '{signed} of {total} commits signed off')(p)} (${counted('merges', '{merges} merge commit', '{merges} merge commits')(p)} not counted: merges are written by the merge button, not signed off)`,
  'maturity.releases.none': 'no releases',
  'maturity.releases.none-recent': 'no release in the last {days} days (latest {latest})',
  'maturity.releases.few-tags': 'fewer than two version tags in the last {days} days',
  'maturity.releases.tags': counted('count', '{count} version tag', '{count} version tags'),
  'maturity.releases.no-tags': 'no tags',
  'maturity.releases.not-semver': counted(
    'count',
    '{count} of {total} tags is not SemVer',
    '{count} of {total} tags are not SemVer',
  ),
  'maturity.response.none': 'no issues or pull requests opened by people in the last {days} days',
  'maturity.response.median': 'median hours to first response over {count} issues and pull requests',
  'maturity.response.median-unanswered':
    'median hours to first response over {count} issues and pull requests, {unanswered} still unanswered',
  'maturity.response.p90': '90th percentile of hours to first response over {count} issues and pull requests',
  'maturity.response.p90-unanswered':
    '90th percentile of hours to first response over {count} issues and pull requests, {unanswered} still unanswered',
  'maturity.pulls.none': 'no pull requests opened in the last {days} days',
  'maturity.pulls.closed': counted(
    'total',
    '{closed} of {total} pull request closed',
    '{closed} of {total} pull requests closed',
  ),
  'maturity.pulls.none-merged': 'no merged pull requests',
  'maturity.pulls.reviewed': counted(
    'total',
    '{reviewed} of the last {total} merged pull request reviewed',
    '{reviewed} of the last {total} merged pull requests reviewed',
  ),
  'maturity.ci.not-read': 'the checks of merged pull requests have not been read yet',
  'maturity.ci.share': counted(
    'total',
    'CI ran on {ran} of {total} merged pull request',
    'CI ran on {ran} of {total} merged pull requests',
  ),
  'maturity.spec.none': 'no Markdown document states requirements with BCP 14 keywords (MUST, SHOULD, MAY ...)',
  'maturity.spec.documents': counted('count', '{count} normative document', '{count} normative documents'),
  'maturity.spec.no-tagged': 'no version tag contains a normative document',
  'maturity.spec.tagged': counted(
    'count',
    '{count} tag carries the specification',
    '{count} tags carry the specification',
  ),
  'maturity.spec.no-suite': 'no conformance, compliance, TCK or test-suite directory',
  'maturity.spec.suite-files': counted('count', '{count} file in the suite', '{count} files in the suite'),
  'maturity.spec.no-implementations':
    'no implementations listed (IMPLEMENTATIONS.md or an "Implementations" section with links)',

  // Maturity: what is missing for the next level.
  'maturity.gap.sustain': counted(
    'remaining',
    'passing since {since}; must pass for {days} days (until {until}, {remaining} day to go)',
    'passing since {since}; must pass for {days} days (until {until}, {remaining} days to go)',
  ),
  'maturity.gap.needs-because': '{reason} (needs {threshold})',
  'maturity.gap.needs': 'needs {threshold}',

  // Maturity: labels of evidence links.
  'maturity.evidence.path': '{path}',
  'maturity.evidence.licence': '{path}: {spdx}',
  'maturity.evidence.how-to-report': '{path}: how to report',
  'maturity.evidence.commit-by': '{sha} by {author}',
  'maturity.evidence.first-commit': 'first commit {date}',
  'maturity.evidence.maintainer-activity': '#{number} with maintainer activity',
  'maturity.evidence.share-of-commits': counted(
    'total',
    '{who}: {count} of {total} commit',
    '{who}: {count} of {total} commits',
  ),
  'maturity.evidence.newcomer': '{name}: first commit in the window',
  'maturity.evidence.no-sign-off': '{sha} has no Signed-off-by',
  'maturity.evidence.merge-excluded': '{sha} is a merge commit: not counted',
  'maturity.evidence.release': '{name} ({date})',
  'maturity.evidence.prerelease': '{name} ({date}, prerelease)',
  'maturity.evidence.tag': '{name} ({date})',
  'maturity.evidence.not-semver': '{name} is not SemVer',
  'maturity.evidence.answered-after': '#{number} answered after {hours} h',
  'maturity.evidence.unanswered-for': '#{number} unanswered for {hours} h',
  'maturity.evidence.still-open': '#{number} still open',
  'maturity.evidence.self-merged': '#{number} merged by its author without approval',
  'maturity.evidence.no-ci': '#{number} merged without CI checks',
  'maturity.evidence.boilerplate': '{path}: BCP 14 boilerplate',
  'maturity.evidence.requirements': counted(
    'count',
    '{path}: {count} requirement ({keywords}); first at line {line}',
    '{path}: {count} requirements ({keywords}); first at line {line}',
  ),
  'maturity.evidence.path-in-tag': '{path} in {tag}',
  'maturity.evidence.implementation': '{path}: {url}',

  // GitHub: why metadata could not be read, and what to do.
  'github.anonymous-hint': '{reason}; set GITHUB_TOKEN for 5,000 requests an hour instead of 60',
  'github.rate-limit': 'GitHub API rate limit exhausted',
  'github.rate-limit-until': 'GitHub API rate limit exhausted until {until}',
  'github.credentials': 'GitHub rejected the credentials (401): check GITHUB_TOKEN',
  'github.forbidden-token': "GitHub refused access (403): check the token's permissions",
  'github.forbidden': 'GitHub refused access (403)',
  'github.unreachable': 'GitHub API unreachable at {url}',
  'github.status': 'GitHub API answered {status}',
  'github.not-found-anonymous': '{repository} answers 404 without a token (it may be private): set GITHUB_TOKEN',
  'github.tombstoned': '{repository} no longer exists on GitHub (404)',
  'github.skipped.not-member': 'repository {id} is not a member project',
  'github.skipped.deleted': '{repository} was deleted on GitHub',
  'github.skipped.demo': '{repository} holds demo data, which is never refreshed',
  'github.no-client': 'no GitHub API client configured',
  'github.not-on-github': 'the repository is not on GitHub (registered with --clone-url)',
  'github.not-fetched': 'not fetched yet',

  // Drafts: where informative text stands, and the lint rules (content/draft).
  'draft.context.definition': 'a definition',
  'draft.context.note': 'a note',
  'draft.context.example': 'an example',
  'draft.context.footnote': 'a footnote',
  'draft.context.introduction': 'the introduction',
  'draft.context.informative-annex': 'an informative annex',
  'draft.context.bibliography': 'the bibliography',
  'draft.lint.requirement-in-informative':
    'Requirement keyword "{keywords}" in {where} ({number}): informative text states no requirements; move it into the clause body or reword it as a statement.',
  'draft.lint.ambiguous-keyword':
    'Lowercase "{words}" in {number} is ambiguous: write it in capitals (MUST, SHOULD, MAY) if it states a requirement, or reword.',
  'draft.lint.depth-over-five':
    '"{title}" is nested deeper than five levels; it was folded into {number} as a bold line. Restructure the spec to at most five levels.',
  'draft.lint.hanging-paragraph':
    '{number} has text before its subclauses (a hanging paragraph): it was moved into a new first subclause {number}.1 "{title}"; check that the title fits.',
  'draft.lint.lone-subclause':
    '{number} has a single subclause {number}.1 ("{title}"): it was merged into {number}, its heading kept as a bold line; add a second subclause if it should stay one.',
  'draft.lint.duplicate-term': 'Term "{term}" is defined in {earlier} and again in {number}: keep one definition.',
  'draft.lint.unresolved-link':
    'Link "{url}" does not resolve to a heading or file of the spec set at this commit: fix the anchor or the path.',
  'draft.lint.dropped-html':
    'An HTML comment ("{text}") was dropped: comments are not shown by the spec\'s renderer and are not part of the draft.',
  'draft.lint.table-of-contents': 'A table of contents was dropped: the draft has its own contents.',
  'draft.lint.conventions-replaced':
    'Section "{title}" (the spec\'s notational conventions) was replaced by the verbal forms of GB/T 1.1-2020, stated in the Introduction; check that it said nothing else.',
  'draft.lint.conventions-paragraph-replaced':
    "The spec's keyword conventions paragraph was replaced by the verbal forms of GB/T 1.1-2020, stated in the Introduction.",
  'draft.lint.declared-keywords':
    'The spec declares its own keywords ({words}): these words are read as requirements throughout the spec set and written 应 / 宜 / 可.',
  'draft.lint.term-group':
    '"{title}" groups {count} terms and is no term itself: its terms are numbered in clause 3 without the group heading.',
  'draft.lint.terms-lead-in':
    'The terminology section\'s lead-in ("{text}") was replaced by the standard\'s lead-in of clause 3.',
  'draft.lint.stage-label':
    'The source carries the stage label "{label}": the stage of the draft is set by the drafting procedure (front matter "stage"); remove the label from the source.',
  'draft.lint.self-reference': '"本规范" / "本标准" was written "本文件" {count} times, as GB/T 1.1-2020 requires.',
  'draft.lint.scope-drafted':
    'Clause 1 Scope was drafted from the Abstract: rewrite it to say what the document specifies and where it applies ("This document specifies … It is applicable to …").',
  'draft.lint.missing-committee-data':
    "Missing {field}: set it in sources.yml or with the draft command's option, so that the cover and the Foreword state it.",
  'draft.lint.reference-not-document':
    'Link "{url}" is cited with a requirement but is no document (a search page, a repository tree, a home page): it went to the Bibliography; cite the document itself if it is normative.',
  'draft.lint.reference-unidentified':
    'Link <{url}> is cited with a requirement but names no document (no identifier such as "RFC 3339", no title): it went to the Bibliography; if it is normative, cite it as "identifier, title" in the spec.',
  'draft.lint.reference-untitled':
    "Normative reference {identifier} has no title in the spec: add its title to the spec's reference list.",
  'draft.lint.reference-dropped':
    '{identifier} was left out of the references: it defines the keywords that the verbal forms of GB/T 1.1-2020 replace.',
  'draft.title.general': 'General',
  'draft.field.proposer': 'proposing unit (proposer)',
  'draft.field.committee': 'responsible committee (committee)',
  'draft.field.drafting-units': 'drafting units (draftingUnits)',
  'draft.field.drafters': 'drafters (drafters)',
  'draft.field.ics': 'ICS code (ics)',
  'draft.field.ccs': 'CCS code (ccs)',
  // Refusals of the accounts capability, as pages show them (`error.<code>` of a DomainError; the API keeps the
  // English message).
  'error.sign_in_required': 'Sign in to do this.',
  'error.session_required': 'An API token cannot do this: sign in on the portal and do it on your account page.',
  'error.token_scope': 'This API token’s scopes do not allow this: create a token with the scope it needs.',
  'error.forbidden': (p) =>
    p.roles
      ? `This needs the ${String(p.roles).split(', ').join(' or ')} role; ${p.login} does not have it.`
      : 'You do not have the role this needs.',
  'error.csrf_failed': 'This form is out of date or did not come from the portal: reload the page and try again.',
  'error.cross_origin': 'This request did not come from a page of this portal: submit the form from the portal itself.',
  'error.rate_limited': 'Too many changes from here in a short time: wait {retryAfterSeconds} seconds, then try again.',
  'error.sign_in_rate_limited':
    'Too many sign-in attempts from here in a short time: wait {retryAfterSeconds} seconds, then try again.',
  'error.oauth_not_configured':
    'Sign-in with GitHub is not configured on this portal: an administrator sets GITHUB_OAUTH_CLIENT_ID and GITHUB_OAUTH_CLIENT_SECRET.',
  'error.oauth_state_mismatch':
    'This sign-in answer does not belong to the sign-in this browser started: start again from the sign-in page.',
  'error.oauth_denied': 'GitHub did not authorise the sign-in ({githubError}): sign in again and allow the app.',
  'error.oauth_code_rejected': 'GitHub refused the sign-in ({githubError}): start again from the sign-in page.',
  'error.oauth_unreachable': 'GitHub’s sign-in could not be reached: try again later.',
  'error.oauth_bad_answer': 'GitHub answered the sign-in without a token: try again, or tell an administrator.',
  'error.sign_in_not_started':
    'This browser did not start a sign-in here, or it took too long: start again from the sign-in page.',
  'error.sign_in_expired': 'This sign-in took longer than 10 minutes: start again.',
  'error.github_user_unreadable': 'GitHub did not say who signed in: try signing in again.',
  'error.login_taken':
    'This GitHub login belongs to another account on this portal: ask an administrator to remove the older account.',
  'error.demo_login': 'This login is one of the demo people on this instance: use an instance without the demo.',
  'error.demo_person_not_found': 'That is not one of the demo people: pick one from the list.',
  'error.demo_person_required': 'Choose one of the demo people to sign in as.',
  'error.maintainer_recheck_needed':
    'Your maintainer permission on {project} was read from GitHub over an hour ago: sign in again so the portal can read it.',
  'error.token_required': 'Send an API token as "Authorization: Bearer <token>", or sign in.',
  'error.bad_token': 'This API token is unknown, revoked or damaged: create a new one on your account page.',
  'error.token_expired': 'This API token has expired: create a new one on your account page.',
};
