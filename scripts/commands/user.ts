import type { Command } from 'commander';
import { openDatabase } from '../../db/open-database.ts';
import { createStore } from '../../db/store.ts';
import { ROLES, type Role } from '../../db/users/user-queries.ts';
import { mintToken } from '../../server/auth/api-token.ts';
import { readConfig } from '../../kernel/config/read-config.ts';
import { CliError, type CliIO } from '../cli-io.ts';

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

function checkLogin(login: string): string {
  if (!LOGIN.test(login)) {
    throw new CliError(`"${login}" is not a GitHub login: use letters, digits and single dashes (at most 39)`);
  }
  return login;
}

/** Opens the instance named by MAGNOLIA_DATA_DIR for one command and closes it afterwards. */
function withStore<T>(io: CliIO, fn: (store: ReturnType<typeof createStore>) => T): T {
  const config = readConfig(io.env, io.cwd);
  const db = openDatabase(config.databaseFile);
  try {
    return fn(createStore(db));
  } finally {
    db.close();
  }
}

/** `magnolia user add|list`: people and their roles. */
export function registerUserCommand(program: Command, io: CliIO): void {
  const user = program.command('user').description('manage users and their roles');
  user
    .command('add <login>')
    .description('add a user (or change the role of an existing one)')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .action((login: string, options: { role: string }) => {
      if (!ROLES.includes(options.role as Role)) {
        throw new CliError(`--role must be one of ${ROLES.join(', ')} (got "${options.role}")`);
      }
      const row = withStore(io, (store) =>
        store.users.upsert(checkLogin(login), options.role as Role, new Date().toISOString()),
      );
      io.stderr.write(`user ${row.login} is ${row.role}\n`);
    });
  user
    .command('list')
    .description('list users and roles')
    .action(() => {
      const rows = withStore(io, (store) => store.users.list());
      for (const row of rows) io.stdout.write(`${row.login}\t${row.role}\n`);
    });
}

/** `magnolia token create|revoke`: bearer tokens for the API. */
export function registerTokenCommand(program: Command, io: CliIO): void {
  const token = program.command('token').description('manage API bearer tokens');
  token
    .command('create <login>')
    .description('create an API token for a user and print it (only the token, on stdout)')
    .action((login: string) => {
      const minted = withStore(io, (store) => {
        const row = store.users.findByLogin(checkLogin(login));
        if (!row)
          throw new CliError(`no user "${login}": add one first with \`npx magnolia user add ${login} --role member\``);
        const next = mintToken();
        store.users.addToken(row.id, next.hash, next.prefix, new Date().toISOString());
        return next;
      });
      io.stdout.write(`${minted.token}\n`);
    });
  token
    .command('revoke <login>')
    .description('revoke every token of a user')
    .action((login: string) => {
      const count = withStore(io, (store) => {
        const row = store.users.findByLogin(checkLogin(login));
        if (!row) throw new CliError(`no user "${login}"`);
        return store.users.revokeTokens(row.id, new Date().toISOString());
      });
      io.stderr.write(`${count} token(s) of ${login} revoked\n`);
    });
}
