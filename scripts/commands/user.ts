import type { Command } from 'commander';
import { CLI_CONTEXT } from '../../sync/accounts/audit-service.ts';
import { GRANTED_ROLES } from '../../sync/accounts/roles.ts';
import type { CliIO } from '../cli-io.ts';
import { withInstance } from '../open-instance-store.ts';

const ROLE_CHOICES = ['member', ...GRANTED_ROLES].join(', ');

/** `magnolia user add|grant|revoke|list`: people and their roles (each change recorded in the audit log). */
export function registerUserCommand(program: Command, io: CliIO): void {
  const user = program.command('user').description('manage users and their roles');
  user
    .command('add <login>')
    .description('add a user (or find them) and grant a role; member grants nothing')
    .requiredOption('--role <role>', `one of ${ROLE_CHOICES}`)
    .action((login: string, options: { role: string }) =>
      withInstance(io, ({ services }) => {
        const row = services.accounts.addUser(login, options.role, CLI_CONTEXT);
        io.stderr.write(`user ${row.login}: ${services.accounts.describe(row).roles.join(', ')}\n`);
      }),
    );
  user
    .command('grant <login> <role>')
    .description(`grant a role: ${GRANTED_ROLES.join(', ')}`)
    .action((login: string, role: string) =>
      withInstance(io, ({ services }) => {
        const json = services.accounts.grantRole(login, role, CLI_CONTEXT);
        io.stderr.write(`user ${json.login}: ${json.roles.join(', ')}\n`);
      }),
    );
  user
    .command('revoke <login> <role>')
    .description(`revoke a role: ${GRANTED_ROLES.join(', ')}`)
    .action((login: string, role: string) =>
      withInstance(io, ({ services }) => {
        const json = services.accounts.revokeRole(login, role, CLI_CONTEXT);
        io.stderr.write(`user ${json.login}: ${json.roles.join(', ')}\n`);
      }),
    );
  user
    .command('list')
    .description('list users: login, roles, projects they maintain')
    .action(() =>
      withInstance(io, ({ services }) => {
        for (const row of services.accounts.listUsers())
          io.stdout.write(`${row.login}\t${row.roles.join(',')}\t${row.maintainerOf.join(',') || '-'}\n`);
      }),
    );
}

/** `magnolia token create|list|revoke`: bearer tokens for the API. */
export function registerTokenCommand(program: Command, io: CliIO): void {
  const token = program.command('token').description('manage API bearer tokens');
  token
    .command('create <login>')
    .description('create an API token for a user and print it (only the token, on stdout)')
    .option('--scope <scopes>', 'comma-separated: read, proposals, reviews, admin (default: all)')
    .option('--expires <when>', 'days (30d), a date (YYYY-MM-DD) or never (default: 90d)')
    .option('--name <label>', 'a name to tell the token apart')
    .action((login: string, options: { scope?: string; expires?: string; name?: string }) =>
      withInstance(io, ({ services }) => {
        const created = services.tokens.create(
          login,
          { scopes: options.scope, expires: options.expires, label: options.name },
          CLI_CONTEXT,
          true,
        );
        io.stdout.write(`${created.token}\n`);
        io.stderr.write(
          `token ${created.info.prefix}… for ${login}: ${created.info.scopes.join(',')}, expires ${created.info.expiresAt ?? 'never'}\n`,
        );
      }),
    );
  token
    .command('list <login>')
    .description("list a user's tokens: id, prefix, scopes, expiry, last use, state")
    .action((login: string) =>
      withInstance(io, ({ services }) => {
        for (const t of services.tokens.list(services.accounts.user(login).id))
          io.stdout.write(
            [
              t.id,
              `${t.prefix}…`,
              t.scopes.join(','),
              t.expiresAt ?? 'never',
              t.lastUsedAt ?? '-',
              t.state,
              t.legacy ? 'legacy' : '',
            ]
              .join('\t')
              .trimEnd() + '\n',
          );
      }),
    );
  token
    .command('revoke <login>')
    .description('revoke every token of a user, or one with --id')
    .option('--id <id>', 'the token to revoke (see `token list`)')
    .action((login: string, options: { id?: string }) =>
      withInstance(io, ({ services }) => {
        if (options.id !== undefined) {
          const revoked = services.tokens.revoke(services.accounts.user(login).id, Number(options.id), CLI_CONTEXT);
          io.stderr.write(`token ${revoked.prefix}… of ${login} revoked\n`);
          return;
        }
        const count = services.tokens.revokeAll(login, CLI_CONTEXT);
        io.stderr.write(`${count} token(s) of ${login} revoked\n`);
      }),
    );
}
