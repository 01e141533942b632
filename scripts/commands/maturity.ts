import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { RepositoryRow } from '../../db/repositories/repository-queries.ts';
import type { MaturityJson } from '../../sync/maturity/maturity-json.ts';
import { ModelError } from '../../sync/maturity/model/model-error.ts';
import { CliError, type CliIO } from '../cli-io.ts';
import { withInstance, type CliInstance } from '../open-instance-store.ts';
import { CLI_CONTEXT } from '../../sync/accounts/audit-service.ts';

/** One plain line per project: name, level, next level, the signals still missing for it. */
function levelLine(fullName: string, result: MaturityJson): string {
  return (
    [
      fullName,
      result.level ?? 'none',
      result.nextLevel ? `next ${result.nextLevel}` : 'top level',
      result.gaps.map((g) => g.signal).join(',') || '-',
    ].join('\t') + '\n'
  );
}

/** Evaluates projects now, one line each; a project that fails is reported and the others still run. */
async function evaluateAll(instance: CliInstance, io: CliIO, rows: readonly RepositoryRow[]): Promise<void> {
  let failed = 0;
  for (const row of rows) {
    try {
      io.stdout.write(levelLine(row.full_name, await instance.services.maturity.evaluate(row.id)));
    } catch (error) {
      failed += 1;
      io.stderr.write(
        `${row.full_name}: evaluation failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
  }
  if (failed > 0) throw new CliError(`${failed} of ${rows.length} projects could not be evaluated (see above)`);
}

/** `magnolia maturity evaluate|model show|model set|exempt`: the maturity engine from the command line. */
export function registerMaturityCommand(program: Command, io: CliIO): void {
  const maturity = program
    .command('maturity')
    .description('evaluate maturity levels, show or change the model, exempt signals');

  maturity
    .command('evaluate [projects...]')
    .description('evaluate member projects now (all when none is named); prints: project, level, next level, gaps')
    .action((names: string[]) =>
      withInstance(io, (instance) => {
        const { projects } = instance.services;
        return evaluateAll(instance, io, names.length === 0 ? projects.members() : names.map(projects.member));
      }),
    );

  const model = maturity.command('model').description('the maturity model (YAML)');
  model
    .command('show')
    .description('print the model in force (the installed one, else the default)')
    .action(() => withInstance(io, ({ services }) => void io.stdout.write(services.maturity.modelSource())));
  model
    .command('set <file>')
    .description('validate and install a model from a YAML file, then re-evaluate every project')
    .action((file: string) =>
      withInstance(io, async (instance) => {
        let source: string;
        try {
          source = readFileSync(path.resolve(io.cwd, file), 'utf8');
        } catch (error) {
          throw new CliError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
        }
        let installed: { version: number; digest: string };
        try {
          installed = instance.services.admin.installModel(source, CLI_CONTEXT);
        } catch (error) {
          if (error instanceof ModelError)
            throw new CliError(
              `${file} is not a valid maturity model; nothing was installed:\n${error.problems.map((p) => `  - ${p}`).join('\n')}`,
            );
          throw error;
        }
        io.stderr.write(
          `model version ${installed.version} (${installed.digest}) installed; re-evaluating every project\n`,
        );
        await evaluateAll(instance, io, instance.services.projects.members());
      }),
    );

  maturity
    .command('exempt <owner/repo> <signal>')
    .description('exempt a signal of a project until a date (a reviewer or administrator decides), then re-evaluate it')
    .requiredOption('--reason <text>', 'why the signal does not count for this project')
    .requiredOption('--until <date>', 'when the exemption expires: YYYY-MM-DD or an ISO-8601 date-time')
    .requiredOption('--by <login>', 'the reviewer or administrator who decides (a user of this instance)')
    .action((fullName: string, signal: string, options: { reason: string; until: string; by: string }) =>
      withInstance(io, async (instance) => {
        const { projects, accounts, admin } = instance.services;
        const row = projects.member(fullName);
        const user = accounts.reviewer(options.by);
        const exemption = admin.exempt(
          { repositoryId: row.id, signal, reason: options.reason, expiresAt: options.until },
          { ...CLI_CONTEXT, actor: user.login },
        );
        io.stderr.write(
          `${row.full_name}: ${exemption.signal} exempted until ${exemption.expiresAt} (exemption ${exemption.id})\n`,
        );
        await evaluateAll(instance, io, [row]);
      }),
    );
}
