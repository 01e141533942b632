import type { Command } from 'commander';
import { ROLES } from '../../db/users/user-queries.ts';
import type { CliIO } from '../cli-io.ts';
import { withInstance } from '../open-instance-store.ts';

/** `magnolia user add|list`: people and their roles. */
export function registerUserCommand(program: Command, io: CliIO): void {
  const user = program.command('user').description('manage users and their roles');
  user
    .command('add <login>')
    .description('add a user (or change the role of an existing one)')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .action((login: string, options: { role: string }) =>
      withInstance(io, ({ services }) => {
        const row = services.accounts.addUser(login, options.role);
        io.stderr.write(`user ${row.login} is ${row.role}\n`);
      }),
    );
  user
    .command('list')
    .description('list users and roles')
    .action(() =>
      withInstance(io, ({ services }) => {
        for (const row of services.accounts.listUsers()) io.stdout.write(`${row.login}\t${row.role}\n`);
      }),
    );
}

/** `magnolia token create|revoke`: bearer tokens for the API. */
export function registerTokenCommand(program: Command, io: CliIO): void {
  const token = program.command('token').description('manage API bearer tokens');
  token
    .command('create <login>')
    .description('create an API token for a user and print it (only the token, on stdout)')
    .action((login: string) =>
      withInstance(io, ({ services }) => void io.stdout.write(`${services.accounts.createToken(login)}\n`)),
    );
  token
    .command('revoke <login>')
    .description('revoke every token of a user')
    .action((login: string) =>
      withInstance(io, ({ services }) => {
        const count = services.accounts.revokeTokens(login);
        io.stderr.write(`${count} token(s) of ${login} revoked\n`);
      }),
    );
}
