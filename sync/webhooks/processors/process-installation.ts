import { isMember } from '../../../db/repositories/repository-queries.ts';
import { z } from 'zod';
import { accountSchema } from '../payload-schemas.ts';
import { ignored, processed, type Processor, type ProcessorContext } from '../processor-context.ts';

const installationSchema = z.looseObject({ id: z.number(), account: accountSchema.nullable().optional() });
const repoRefs = z.array(z.looseObject({ id: z.number(), full_name: z.string() })).optional();

// Links (or unlinks) the member repositories an installation covers; other repositories are not ours to track.
function link(ctx: ProcessorContext, refs: unknown, installationId: number | null): number {
  const parsed = repoRefs.safeParse(refs);
  if (!parsed.success || !parsed.data) return 0;
  let linked = 0;
  for (const ref of parsed.data) {
    const row = ctx.store.repositories.get(ref.id) ?? ctx.store.repositories.findMember(ref.full_name);
    if (!isMember(row)) continue;
    ctx.store.repositories.setInstallation(row.id, installationId, ctx.at);
    linked += 1;
  }
  return linked;
}

/** `installation`: the GitHub App was installed, changed, suspended or removed. */
export const processInstallation: Processor = (payload, action, ctx) => {
  const inst = installationSchema.safeParse(payload.installation);
  if (!inst.success) return ignored('the payload has no usable installation object');
  const { id, account } = inst.data;
  const { installations } = ctx.store;
  switch (action) {
    case 'created':
    case 'new_permissions_accepted':
    case 'unsuspend':
      installations.upsert(id, account?.login ?? null, account?.type ?? null, ctx.at);
      if (action === 'unsuspend') installations.setSuspended(id, null, ctx.at);
      return processed(`installation ${id}: ${link(ctx, payload.repositories, id)} member repositories linked`);
    case 'suspend':
      installations.upsert(id, account?.login ?? null, account?.type ?? null, ctx.at);
      installations.setSuspended(id, ctx.at, ctx.at);
      return processed();
    case 'deleted':
      installations.tombstone(id, ctx.at);
      link(ctx, payload.repositories, null);
      return processed();
    default:
      return ignored(`installation.${action ?? '(no action)'} is not used`);
  }
};

/** `installation_repositories`: repositories added to or removed from an installation. */
export const processInstallationRepositories: Processor = (payload, action, ctx) => {
  const inst = installationSchema.safeParse(payload.installation);
  if (!inst.success) return ignored('the payload has no usable installation object');
  if (action !== 'added' && action !== 'removed') {
    return ignored(`installation_repositories.${action ?? '(no action)'} is not used`);
  }
  const added = link(ctx, payload.repositories_added, inst.data.id);
  const removed = link(ctx, payload.repositories_removed, null);
  return processed(`${added} member repositories linked, ${removed} unlinked`);
};
