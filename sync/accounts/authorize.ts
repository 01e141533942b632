import { DomainError } from '../../kernel/errors/domain-error.ts';
import { ROLE_SCOPE, type GrantedRole, type Role, type Scope } from './roles.ts';

/**
 * The one authorisation table: every privileged action × the roles that may take it. Routes, pages and the console
 * consult it through `can`/`authorize`; the README prints it (`permissionTable`) and the authorisation matrix test
 * derives its expectations from it. `maintainer` means maintainer of the project the action is about.
 * `sessionOnly`: not with an API token (a token cannot mint tokens).
 */
export const ACTIONS = {
  'account.read': {
    roles: ['member'],
    what: 'see my account: roles, projects I maintain, tokens (`/account`, `GET /api/me`)',
  },
  'token.create': { roles: ['member'], sessionOnly: true, what: 'create an API token for myself' },
  'token.revoke': { roles: ['member'], what: 'revoke one of my API tokens' },
  'sessions.revoke': { roles: ['member'], what: 'sign out everywhere (end all my sessions)' },
  'inbox.use': {
    roles: ['member'],
    what: 'read my inbox and mark it read, set my e-mail address and notification language (`/inbox`, `/api/me/inbox`)',
  },
  'proposals.write': {
    roles: ['member'],
    what: 'propose, act on and revise proposals, as the workflow file says who may take each step',
  },
  'ballots.manage': {
    roles: ['secretariat', 'admin'],
    what: 'open and close the ballot of a technical review (技术审查), naming the panel',
  },
  'ballots.vote': {
    roles: ['member'],
    what: 'take or change my position on a ballot whose panel I am on (the ballot says who its voters are)',
  },
  'comments.write': {
    roles: ['member'],
    what: 'comment on a clause of the current revision, or reply: anyone during a comment period (征求意见), else reviewers and the editors',
  },
  'comments.dispose': {
    roles: ['member'],
    what: 'record the disposition of a comment (the editors: the project’s maintainers and the secretariat, as the workflow’s `revise.by` says)',
  },
  'console.view': { roles: ['secretariat', 'admin'], what: 'open the admin console (`/admin`)' },
  'users.read': { roles: ['secretariat', 'admin'], what: 'list people and their roles' },
  'roles.manage': { roles: ['admin'], what: 'grant and revoke reviewer, secretariat and admin' },
  'projects.manage': { roles: ['secretariat', 'admin'], what: 'add and remove member projects' },
  'projects.refresh': {
    roles: ['maintainer', 'secretariat', 'admin'],
    what: 'trigger a sync or an evaluation of a project',
  },
  'domains.manage': { roles: ['secretariat', 'admin'], what: 'name domains in Chinese and English' },
  'model.replace': { roles: ['admin'], what: 'install a new maturity model' },
  'exemptions.manage': { roles: ['reviewer', 'admin'], what: 'list, grant and revoke exemptions of signals' },
  'organisations.manage': { roles: ['secretariat', 'admin'], what: 'see and correct contributors’ organisations' },
  'deliveries.read': { roles: ['admin'], what: 'see webhook deliveries and their errors' },
  'deliveries.redeliver': { roles: ['admin'], what: 'process a failed or dead delivery again' },
  'audit.read': { roles: ['secretariat', 'admin'], what: 'read the audit log' },
} as const satisfies Record<string, { roles: readonly Role[]; sessionOnly?: boolean; what: string }>;

export type Action = keyof typeof ACTIONS;
export const ACTION_NAMES = Object.keys(ACTIONS) as Action[];

/** Who is asking: a person signed in (session), an API token's owner, or the command line. */
export interface Actor {
  userId: number;
  login: string;
  name: string | null;
  /** Granted roles in force (member is implied). */
  granted: ReadonlySet<GrantedRole>;
  /** Repository ids of the member projects this person maintains. */
  maintainerOf: ReadonlySet<number>;
  via: 'session' | 'token';
  /** A token's scopes (absent for sessions). */
  scopes?: ReadonlySet<Scope>;
}

/** The project an action is about, if any. */
export interface ActionTarget {
  repositoryId: number;
}

/** Why an action is refused, or that it is allowed (and in which roles). */
export type Decision =
  | { allowed: true; as: Role[] }
  | { allowed: false; reason: 'unauthenticated' | 'session-only' | 'role' | 'scope'; needs: readonly Role[] };

const rolesOf = (action: Action): readonly Role[] => ACTIONS[action].roles;
const sessionOnly = (action: Action): boolean => 'sessionOnly' in ACTIONS[action];

/** The roles an actor holds for an action on `target` (before a token's scopes narrow them). */
export function rolesHeld(actor: Actor, target?: ActionTarget): Role[] {
  const held: Role[] = ['member', ...actor.granted];
  if (target && actor.maintainerOf.has(target.repositoryId)) held.push('maintainer');
  return held;
}

/** May `actor` take `action` (on `target`)? Pure: the table decides. */
export function can(actor: Actor | null, action: Action, target?: ActionTarget): Decision {
  const needs = rolesOf(action);
  if (!actor) return { allowed: false, reason: 'unauthenticated', needs };
  if (actor.via === 'token' && sessionOnly(action)) return { allowed: false, reason: 'session-only', needs };
  const matching = rolesHeld(actor, target).filter((role) => needs.includes(role));
  if (matching.length === 0) return { allowed: false, reason: 'role', needs };
  const scopes = actor.scopes;
  // Every token may act as a member (read); other roles need their scope.
  const scoped = scopes ? matching.filter((role) => role === 'member' || scopes.has(ROLE_SCOPE[role])) : matching;
  if (scoped.length === 0) return { allowed: false, reason: 'scope', needs };
  return { allowed: true, as: scoped };
}

const list = (roles: readonly Role[]): string => roles.join(' or ');

/** Like `can`, but throws the DomainError that says what is missing (401 to sign in, 403 otherwise). */
export function authorize(actor: Actor | null, action: Action, target?: ActionTarget): Actor {
  const decision = can(actor, action, target);
  if (decision.allowed) return actor!;
  const needs = decision.needs;
  switch (decision.reason) {
    case 'unauthenticated':
      throw new DomainError(
        'unauthenticated',
        'sign_in_required',
        'sign in first (on the portal, or send "Authorization: Bearer <token>"; create a token on /account)',
        { action },
      );
    case 'session-only':
      throw new DomainError(
        'forbidden',
        'session_required',
        'an API token cannot do this: sign in on the portal and do it on /account',
        { action },
      );
    case 'scope':
      throw new DomainError(
        'forbidden',
        'token_scope',
        `this token's scopes do not cover this: it needs the ${needs
          .filter((r) => r !== 'member')
          .map((r) => ROLE_SCOPE[r])
          .filter((s, i, all) => all.indexOf(s) === i)
          .join(' or ')} scope; create a token with it on /account`,
        { action },
      );
    default:
      throw new DomainError(
        'forbidden',
        'forbidden',
        `this needs the ${list(needs)} role${needs.length > 1 ? 's' : ''}; ${actor!.login} has ${list(rolesHeld(actor!))}`,
        { action, roles: needs.join(', '), login: actor!.login },
      );
  }
}

/** The table as Markdown, for the README (a test checks the README prints exactly this). */
export function permissionTable(): string {
  const columns: Role[] = ['member', 'maintainer', 'reviewer', 'secretariat', 'admin'];
  const header = `| action | ${columns.join(' | ')} | token scope | what |`;
  const rule = `|---|${columns.map(() => ':-:').join('|')}|---|---|`;
  const rows = ACTION_NAMES.map((action) => {
    const roles = rolesOf(action);
    const marks = columns.map((role) => (roles.includes(role) ? '✓' : ''));
    const scopes = sessionOnly(action)
      ? 'no token (sign in)'
      : [...new Set(roles.map((r) => ROLE_SCOPE[r]))].map((s) => `\`${s}\``).join(', ');
    return `| \`${action}\` | ${marks.join(' | ')} | ${scopes} | ${ACTIONS[action].what} |`;
  });
  return [header, rule, ...rows].join('\n');
}
