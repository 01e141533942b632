import express, { type Router } from 'express';
import type { Services } from '../../sync/create-services.ts';
import { auditContext, requireAction } from '../auth/require-action.ts';

/**
 * `GET /api/admin/users` (people, roles, grants, maintained projects); `PUT` and `DELETE
 * /api/admin/users/:login/roles/:role` grant and revoke reviewer, secretariat or admin (recorded with who and when).
 */
export function createAdminUsersRoute(services: Pick<Services, 'accounts' | 'signIn'>): Router {
  const { accounts } = services;
  const router = express.Router();
  router.get('/api/admin/users', requireAction(services, 'users.read'), (_req, res) => {
    res.json({ users: accounts.listUsers() });
  });
  router.put('/api/admin/users/:login/roles/:role', requireAction(services, 'roles.manage'), (req, res) => {
    res.json(accounts.grantRole(String(req.params.login), String(req.params.role), auditContext(req)));
  });
  router.delete('/api/admin/users/:login/roles/:role', requireAction(services, 'roles.manage'), (req, res) => {
    res.json(accounts.revokeRole(String(req.params.login), String(req.params.role), auditContext(req)));
  });
  return router;
}
