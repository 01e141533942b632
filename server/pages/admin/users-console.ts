import express, { type Router } from 'express';
import { can } from '../../../sync/accounts/authorize.ts';
import { GRANTED_ROLES } from '../../../sync/accounts/roles.ts';
import { actorOf, auditContext, requireAction } from '../../auth/require-action.ts';
import { roleLabel } from '../account/role-label.ts';
import { formField, redirectDone, renderConsole, when, type ConsoleDeps } from './console.ts';

/** `/admin` (the console's front page) and `/admin/users`: people, their roles, grants and revocations. */
export function createUsersConsole(deps: ConsoleDeps): Router {
  const { services } = deps;
  const router = express.Router();

  router.get('/admin', requireAction(services, 'console.view'), (req, res) => {
    renderConsole(deps, req, res, 'overview', ({ t }) => ({ lead: t.admin.lead }));
  });

  router.get('/admin/users', requireAction(services, 'users.read'), (req, res) => {
    const manage = can(actorOf(req), 'roles.manage').allowed;
    renderConsole(deps, req, res, 'users', ({ t }) => ({
      manage,
      roleOptions: GRANTED_ROLES.map((r) => ({ value: r, label: roleLabel(r, t) })),
      users: services.accounts.listUsers().map((u) => ({
        login: u.login,
        name: u.name ?? '',
        demo: u.demo,
        roles: u.roles.map((r) => roleLabel(r, t)).join(' · '),
        held: u.roles
          .filter((r) => r !== 'member')
          .map((r) => ({
            role: r,
            label: roleLabel(r, t),
            action: `/admin/users/${encodeURIComponent(u.login)}/roles/${r}/revoke`,
          })),
        grantAction: `/admin/users/${encodeURIComponent(u.login)}/roles`,
        maintains: u.maintainerOf.join(', '),
        lastSignIn: when(u.lastSignInAt),
        grants: u.grants.map((g) => ({
          text: `${roleLabel(g.role, t)}: ${t.admin.grantedBy} ${g.grantedBy} ${when(g.grantedAt)}${
            g.revokedAt ? ` · ${t.admin.revokedBy} ${g.revokedBy ?? ''} ${when(g.revokedAt)}` : ''
          }`,
        })),
      })),
    }));
  });

  router.post('/admin/users/:login/roles', requireAction(services, 'roles.manage'), (req, res) => {
    services.accounts.grantRole(String(req.params.login), formField(req, 'role'), auditContext(req));
    redirectDone(req, res, '/admin/users', 'role-granted');
  });

  router.post('/admin/users/:login/roles/:role/revoke', requireAction(services, 'roles.manage'), (req, res) => {
    services.accounts.revokeRole(String(req.params.login), String(req.params.role), auditContext(req));
    redirectDone(req, res, '/admin/users', 'role-revoked');
  });
  return router;
}
