import { Command, CommanderError } from 'commander';
import { ConfigError } from '../kernel/config/read-config.ts';
import { DomainError } from '../kernel/errors/domain-error.ts';
import { redactSecrets } from '../kernel/log/redact-secrets.ts';
import type { CliIO } from './cli-io.ts';
import { EXIT_CODE } from './exit-code.ts';
import { registerBackupCommands } from './commands/backup.ts';
import { registerDraftCommand } from './commands/draft.ts';
import { registerMaturityCommand } from './commands/maturity.ts';
import { registerProjectCommand } from './commands/project.ts';
import { registerDomainCommand } from './commands/domain.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerSiteCommand } from './commands/site.ts';
import { registerSyncCommand } from './commands/sync.ts';
import { registerProposalCommand } from './commands/proposal.ts';
import { registerTokenCommand, registerUserCommand } from './commands/user.ts';

/** Runs one `magnolia` command line; resolves to the process exit code (long-running `serve` keeps the process alive). */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const program = new Command('magnolia')
    .description('Magnolia: the open-source-to-standard community portal')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });
  registerServeCommand(program, io);
  registerUserCommand(program, io);
  registerTokenCommand(program, io);
  registerProjectCommand(program, io);
  registerDomainCommand(program, io);
  registerSyncCommand(program, io);
  registerProposalCommand(program, io);
  registerDraftCommand(program, io);
  registerMaturityCommand(program, io);
  registerBackupCommands(program, io);
  registerSiteCommand(program, io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof DomainError) {
      io.stderr.write(`magnolia: ${redactSecrets(error.message)}\n`);
      return EXIT_CODE[error.kind];
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`magnolia: ${redactSecrets(error.message)}\n`);
      return 1;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`magnolia: unexpected error: ${redactSecrets(message)}\n`);
    return 1;
  }
}
