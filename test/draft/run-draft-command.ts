import { PassThrough } from 'node:stream';
import { Command, CommanderError } from 'commander';
import { systemClock } from '../../kernel/clock.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import { CliError, type CliIO } from '../../scripts/cli-io.ts';
import { registerDraftCommand } from '../../scripts/commands/draft.ts';

/** Runs `magnolia draft …` through a fresh commander program; returns exit code and captured output. */
export async function draft(
  args: string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const io: CliIO = { env, cwd, stdout, stderr, isTTY: false, clock: systemClock };
  const program = new Command('magnolia')
    .exitOverride()
    .configureOutput({ writeOut: (t) => io.stdout.write(t), writeErr: (t) => io.stderr.write(t) });
  registerDraftCommand(program, io);
  let code = 0;
  try {
    await program.parseAsync(['draft', ...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) code = error.exitCode;
    else if (error instanceof CliError || error instanceof DomainError) {
      err += `magnolia: ${error.message}\n`;
      code = 1;
    } else throw error;
  }
  return { code, stdout: out, stderr: err };
}
