import type { RepositoryRow } from '../../db/repositories/repository-queries.ts';
import type { Store } from '../../db/store.ts';
import { JOB } from '../../db/jobs/job-kinds.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import { publicCloneUrl } from '../../kernel/git/public-clone-url.ts';
import type { AuditContext, AuditService } from '../accounts/audit-service.ts';
import type { ExemptionJson } from '../maturity/maturity-json.ts';
import { enqueueEvaluation } from '../maturity/maturity-jobs.ts';
import type { MaturityService } from '../maturity/maturity-service.ts';
import type { OrganisationChange } from '../maturity/set-organisation.ts';
import type { AddedProject, AddProjectInput } from '../projects/add-project.ts';
import type { DomainJson } from '../projects/name-domain.ts';
import type { ProjectsService } from '../projects/projects-service.ts';
import type { RegisteredProject } from '../projects/register-project.ts';
import { enqueueRepositoryJob } from '../queue/enqueue-follow-ups.ts';

/**
 * The privileged actions of the console, the admin API and the CLI, each recorded in the audit log (who, when,
 * what, the request id) in the same transaction as the change where the change is one transaction. Callers
 * authorise first (sync/accounts/authorize.ts); this service decides nothing about who may.
 */
export interface AdminService {
  addProject(
    input: AddProjectInput,
    ctx: AuditContext,
    onRegistered?: (added: AddedProject) => void,
  ): Promise<RegisteredProject>;
  removeProject(fullName: string, ctx: AuditContext): RepositoryRow;
  /** Queues a reconcile (ls-remote, fetch when changed, then a metadata refresh) of a member now. */
  syncProject(row: RepositoryRow, ctx: AuditContext): { queued: string[] };
  /** Names a domain in both languages (pages then never show its slug). */
  nameDomain(slug: string, names: { en: unknown; zh: unknown }, ctx: AuditContext): DomainJson;
  /** Queues an evaluation of a member now. */
  evaluateProject(row: RepositoryRow, ctx: AuditContext): { queued: string[] };
  installModel(source: string, ctx: AuditContext): { version: number; digest: string; enqueued: number };
  exempt(
    request: { repositoryId: number; signal: string; reason: string; expiresAt: string },
    ctx: AuditContext,
  ): ExemptionJson;
  revokeExemption(repositoryId: number, exemptionId: number, ctx: AuditContext): ExemptionJson;
  setOrganisation(match: string, organisation: string, ctx: AuditContext): OrganisationChange;
  removeOrganisation(match: string, ctx: AuditContext): OrganisationChange;
  /** Processes a failed or dead webhook delivery again (its stored payload), as soon as the worker is free. */
  redeliver(deliveryId: string, ctx: AuditContext): { id: string; status: 'queued' };
}

export interface AdminDeps {
  store: Store;
  clock: Clock;
  audit: AuditService;
  projects: ProjectsService;
  maturity: MaturityService;
}

/** The admin service. */
export function createAdminService({ store, clock, audit, projects, maturity }: AdminDeps): AdminService {
  const nameOf = (repositoryId: number): string =>
    store.repositories.get(repositoryId)?.full_name ?? String(repositoryId);
  return {
    async addProject(input, ctx, onRegistered) {
      // The clone runs outside any transaction; the entry is written once the project is registered for good.
      const registered = await projects.add(input, onRegistered);
      audit.record(ctx, 'project.add', registered.added.fullName, {
        domain: input.domain ?? null,
        cloneUrl: registered.added.cloneUrl === null ? null : publicCloneUrl(registered.added.cloneUrl),
      });
      return registered;
    },
    removeProject(fullName, ctx) {
      return store.transaction(() => {
        const row = projects.remove(fullName);
        audit.record(ctx, 'project.remove', row.full_name);
        return row;
      });
    },
    nameDomain(slug, names, ctx) {
      return store.transaction(() => {
        const named = projects.nameDomain(slug, names);
        audit.record(ctx, 'domain.name', named.slug, { en: named.name.en, zh: named.name.zh });
        return named;
      });
    },
    syncProject(row, ctx) {
      return store.transaction(() => {
        enqueueRepositoryJob(store, clock, JOB.reconcile, row.id);
        audit.record(ctx, 'project.sync', row.full_name);
        return { queued: [JOB.reconcile] };
      });
    },
    evaluateProject(row, ctx) {
      return store.transaction(() => {
        enqueueEvaluation(store, clock, row.id);
        audit.record(ctx, 'project.evaluate', row.full_name);
        return { queued: [JOB.evaluate] };
      });
    },
    installModel(source, ctx) {
      return store.transaction(() => {
        const installed = maturity.installModel(source, ctx.actor);
        audit.record(ctx, 'model.replace', `model v${installed.version}`, {
          version: installed.version,
          digest: installed.digest,
        });
        return installed;
      });
    },
    exempt(request, ctx) {
      return store.transaction(() => {
        const exemption = maturity.exempt({ ...request, by: ctx.actor });
        audit.record(ctx, 'exemption.grant', nameOf(request.repositoryId), {
          exemption: exemption.id,
          signal: exemption.signal,
          reason: exemption.reason,
          expiresAt: exemption.expiresAt,
        });
        return exemption;
      });
    },
    revokeExemption(repositoryId, exemptionId, ctx) {
      return store.transaction(() => {
        const exemption = maturity.revokeExemption(repositoryId, exemptionId, ctx.actor);
        audit.record(ctx, 'exemption.revoke', nameOf(repositoryId), {
          exemption: exemption.id,
          signal: exemption.signal,
        });
        return exemption;
      });
    },
    setOrganisation(match, organisation, ctx) {
      return store.transaction(() => {
        const change = maturity.setOrganisation(match, organisation, ctx.actor);
        audit.record(ctx, 'organisation.set', match, { organisation });
        return change;
      });
    },
    removeOrganisation(match, ctx) {
      return store.transaction(() => {
        const change = maturity.removeOrganisation(match);
        audit.record(ctx, 'organisation.remove', match);
        return change;
      });
    },
    redeliver(deliveryId, ctx) {
      return store.transaction(() => {
        const delivery = store.deliveries.get(deliveryId);
        if (!delivery)
          throw new DomainError(
            'not-found',
            'delivery_not_found',
            `no delivery ${deliveryId}: see the list of deliveries`,
          );
        if (!store.deliveries.requeue(deliveryId, isoNow(clock), clock.now()))
          throw new DomainError(
            'conflict',
            'not_redeliverable',
            delivery.status === 'failed' || delivery.status === 'dead'
              ? `delivery ${deliveryId} has no payload left to process: redeliver it from GitHub's webhook settings`
              : `delivery ${deliveryId} is ${delivery.status}: only a failed or dead delivery can be redelivered`,
            { status: delivery.status },
          );
        audit.record(ctx, 'delivery.redeliver', `delivery ${deliveryId}`, {
          event: delivery.event,
          was: delivery.status,
        });
        return { id: deliveryId, status: 'queued' as const };
      });
    },
  };
}
