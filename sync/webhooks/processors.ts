import type { Processor } from './processor-context.ts';
import { processGitRef } from './processors/process-git-ref.ts';
import { processInstallation, processInstallationRepositories } from './processors/process-installation.ts';
import { processIssue, processPullRequest } from './processors/process-issue.ts';
import { processMember } from './processors/process-member.ts';
import { processPing } from './processors/process-ping.ts';
import { processRelease } from './processors/process-release.ts';
import { processRepository } from './processors/process-repository.ts';
import { processRepositoryCounts } from './processors/process-repository-counts.ts';

/**
 * The processor of each event Magnolia uses; every other event is stored as ignored. A Map, not an object: the
 * event name comes from a request header, and `constructor` or `__proto__` must not find `Object`'s members.
 */
export const PROCESSORS: ReadonlyMap<string, Processor> = new Map(
  Object.entries({
    ping: processPing,
    repository: processRepository,
    release: processRelease,
    star: processRepositoryCounts,
    watch: processRepositoryCounts,
    fork: processRepositoryCounts,
    public: processRepositoryCounts,
    member: processMember,
    issues: processIssue,
    pull_request: processPullRequest,
    installation: processInstallation,
    installation_repositories: processInstallationRepositories,
    push: processGitRef,
    create: processGitRef,
    delete: processGitRef,
  } satisfies Record<string, Processor>),
);
