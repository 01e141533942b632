import type { ApiTokenRow } from '../../db/users/api-token-queries.ts';
import type { Store } from '../../db/store.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { AccountsService } from './accounts-service.ts';
import { hashToken, mintToken, tokenShape } from './api-token.ts';
import type { AuditContext, AuditService } from './audit-service.ts';
import type { Actor } from './authorize.ts';
import type { Scope } from './roles.ts';
import { parseExpiry, parseScopes } from './token-options.ts';

/** A token as its owner sees it (never the token itself). */
export interface TokenJson {
  id: number;
  prefix: string;
  label: string | null;
  scopes: Scope[];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  /** `active`, `expired` or `revoked`. */
  state: 'active' | 'expired' | 'revoked';
  /** Minted before checksums (no expiry, every scope): replace it with a new one. */
  legacy: boolean;
}

/** What a new token may do and until when. */
export interface TokenRequest {
  /** Comma-separated scopes or a list; default every scope. */
  scopes?: string | readonly string[];
  /** `30d`, a date, or (CLI only) `never`; default 90 days. */
  expires?: string;
  label?: string;
}

/** API bearer tokens: minted with a checksum, stored as a hash, scoped, expiring, revocable. */
export interface TokensService {
  /** Mints a token for `login`; it is returned once. `allowNever`: the CLI may mint one that never expires. */
  create(
    login: string,
    request: TokenRequest,
    ctx: AuditContext,
    allowNever?: boolean,
  ): { token: string; info: TokenJson };
  list(userId: number): TokenJson[];
  /** Revokes one token of a user (not-found when it is not theirs). */
  revoke(userId: number, tokenId: number, ctx: AuditContext): TokenJson;
  /** Revokes every token of a user; returns how many were live. */
  revokeAll(login: string, ctx: AuditContext): number;
  /** The actor a presented token acts as: its user's current roles, narrowed by its scopes. */
  authenticate(token: string | undefined): Actor;
}

// A token's last use is recorded at most once a minute, so reads do not write on every request.
const TOUCH_EVERY_MS = 60_000;
const LABEL_MAX = 80;

const scopesOf = (text: string): Scope[] => parseScopes(text);

/** The tokens service over one store. */
export function createTokensService(
  store: Store,
  clock: Clock,
  accounts: AccountsService,
  audit: AuditService,
): TokensService {
  const json = (row: ApiTokenRow): TokenJson => ({
    id: row.id,
    prefix: row.prefix,
    label: row.label,
    scopes: scopesOf(row.scopes),
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    state: row.revoked_at
      ? 'revoked'
      : row.expires_at && Date.parse(row.expires_at) <= clock.now()
        ? 'expired'
        : 'active',
    legacy: row.checksummed === 0,
  });
  const refused = (code: string, message: string) => new DomainError('unauthenticated', code, message);
  return {
    create(login, request, ctx, allowNever = false) {
      const scopes = parseScopes(request.scopes ?? ['read', 'proposals', 'reviews', 'admin']);
      const expiresAt = parseExpiry(request.expires, clock.now(), allowNever);
      const label = request.label?.trim() || null;
      if (label && (label.length > LABEL_MAX || /[\u0000-\u001f]/.test(label)))
        throw new DomainError('invalid', 'bad_label', `a token's name is one line of at most ${LABEL_MAX} characters`);
      const minted = mintToken();
      return store.transaction(() => {
        const row = accounts.user(login);
        const id = store.users.addToken(row.id, minted.hash, minted.prefix, isoNow(clock), {
          scopes: scopes.join(','),
          expiresAt,
          label,
          checksummed: true,
        });
        audit.record(ctx, 'token.create', row.login, { token: id, prefix: minted.prefix, scopes, expiresAt });
        return { token: minted.token, info: json(store.users.getToken(id)!) };
      });
    },
    list: (userId) => store.users.listTokens(userId).map(json),
    revoke(userId, tokenId, ctx) {
      return store.transaction(() => {
        const row = store.users.getToken(tokenId);
        if (!row || row.user_id !== userId)
          throw new DomainError(
            'not-found',
            'token_not_found',
            `you have no token ${tokenId}: see the list on /account`,
          );
        if (store.users.revokeToken(userId, tokenId, isoNow(clock)) > 0) {
          const owner = store.users.findById(userId)!;
          audit.record(ctx, 'token.revoke', owner.login, { token: tokenId, prefix: row.prefix });
        }
        return json(store.users.getToken(tokenId)!);
      });
    },
    revokeAll(login, ctx) {
      return store.transaction(() => {
        const row = accounts.user(login);
        const count = store.users.revokeTokens(row.id, isoNow(clock));
        if (count > 0) audit.record(ctx, 'token.revoke', row.login, { all: true, count });
        return count;
      });
    },
    authenticate(token) {
      if (!token)
        throw refused(
          'token_required',
          'send an API token as "Authorization: Bearer <token>" (create one on /account or with `npx magnolia token create <login>`)',
        );
      const shape = tokenShape(token);
      if (shape === 'bad-checksum')
        throw refused('bad_token', 'this API token is damaged (its checksum does not match): copy it again, whole');
      if (shape === 'not-a-token')
        throw refused('bad_token', 'this is not a Magnolia API token (they start with mgn_): create one on /account');
      const found = store.users.findByTokenHash(hashToken(token));
      if (!found) throw refused('bad_token', 'this API token is unknown or revoked: create a new one on /account');
      const now = clock.now();
      if (found.expires_at && Date.parse(found.expires_at) <= now)
        throw refused('token_expired', `this API token expired at ${found.expires_at}: create a new one on /account`);
      if (!found.last_used_at || now - Date.parse(found.last_used_at) > TOUCH_EVERY_MS) {
        store.users.touchToken(found.token_id, isoNow(clock));
      }
      return accounts.actorOf(found.id, 'token', new Set(scopesOf(found.scopes)))!;
    },
  };
}
