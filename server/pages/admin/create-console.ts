import express, { type Router } from 'express';
import { createAuditConsole } from './audit-console.ts';
import type { ConsoleDeps } from './console.ts';
import { createDeliveriesConsole } from './deliveries-console.ts';
import { createDomainsConsole } from './domains-console.ts';
import { createExemptionsConsole } from './exemptions-console.ts';
import { createModelConsole } from './model-console.ts';
import { createOrganisationsConsole } from './organisations-console.ts';
import { createProjectsConsole } from './projects-console.ts';
import { createUsersConsole } from './users-console.ts';

/** The admin console (`/admin/...`): every section behind its action of the authorisation table. */
export function createConsole(deps: ConsoleDeps): Router {
  const router = express.Router();
  router.use(createUsersConsole(deps));
  router.use(createProjectsConsole(deps));
  router.use(createModelConsole(deps));
  router.use(createExemptionsConsole(deps));
  router.use(createOrganisationsConsole(deps));
  router.use(createDomainsConsole(deps));
  router.use(createDeliveriesConsole(deps));
  router.use(createAuditConsole(deps));
  return router;
}
