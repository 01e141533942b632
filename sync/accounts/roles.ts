import { GRANTED_ROLES, type GrantedRole } from '../../db/users/user-queries.ts';

export { GRANTED_ROLES, type GrantedRole };

/**
 * Who a person is to the portal: `member` (anyone signed in), `maintainer` (of one project, from GitHub),
 * and the roles an administrator grants.
 */
export type Role = 'member' | 'maintainer' | GrantedRole;
export const ROLES: readonly Role[] = ['member', 'maintainer', 'reviewer', 'secretariat', 'admin'];

/** What an API token may be used for; every token may read (`read` alone gives no more than that). */
export type Scope = 'read' | 'proposals' | 'reviews' | 'admin';
export const SCOPES: readonly Scope[] = ['read', 'proposals', 'reviews', 'admin'];

/** The scope a token needs to act in a role: a token acts with its user's roles, narrowed by its scopes. */
export const ROLE_SCOPE: Readonly<Record<Role, Scope>> = {
  member: 'read',
  maintainer: 'proposals',
  reviewer: 'reviews',
  secretariat: 'admin',
  admin: 'admin',
};

/** True for a role an administrator can grant. */
export function isGrantedRole(value: string): value is GrantedRole {
  return (GRANTED_ROLES as readonly string[]).includes(value);
}
