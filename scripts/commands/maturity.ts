import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { RepositoryRow } from '../../db/repositories/repository-queries.ts';
import { systemClock } from '../../kernel/clock.ts';
import { exemptSignal } from '../../sync/maturity/exempt-signal.ts';
import type { MaturityJson } from '../../sync/maturity/maturity-json.ts';
import { ModelError } from '../../sync/maturity/model/model-error.ts';
import { parseFullName } from '../../sync/projects/add-project.ts';
import { CliError, type CliIO } from '../cli-io.ts';
import { openInstanceStore, type CliInstance } from '../open-instance-store.ts';

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

function member(instance: CliInstance, name: string): RepositoryRow {
  const { owner, repo } = parseFullName(name);
  const row = instance.store.repositories.findMember(`${owner}/${repo}`);
  if (!row) throw new CliError(`${owner}/${repo} is not a member project (see \`npx magnolia project list\`)`);
  return row;
}

/** Evaluates projects now, one line each; a project that fails is reported and the others still run. */
async function evaluateAll(instance: CliInstance, io: CliIO, rows: readonly RepositoryRow[]): Promise<void> {
  let failed = 0;
  for (const row of rows) {
    try {
      io.stdout.write(levelLine(row.full_name, await instance.sync.maturity.evaluate(row.id)));
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
  const withInstance = async (work: (instance: CliInstance) => Promise<void> | void): Promise<void> => {
    const instance = openInstanceStore(io);
    try {
      await work(instance);
    } finally {
      instance.close();
    }
  };

  maturity
    .command('evaluate [projects...]')
    .description('evaluate member projects now (all when none is named); prints: project, level, next level, gaps')
    .action((names: string[]) =>
      withInstance((instance) =>
        evaluateAll(
          instance,
          io,
          names.length === 0 ? instance.store.repositories.listMembers() : names.map((n) => member(instance, n)),
        ),
      ),
    );

  const model = maturity.command('model').description('the maturity model (YAML)');
  model
    .command('show')
    .description('print the model in force (the installed one, else the default)')
    .action(() => withInstance((instance) => void io.stdout.write(instance.sync.maturity.model().source)));
  model
    .command('set <file>')
    .description('validate and install a model from a YAML file, then re-evaluate every project')
    .action((file: string) =>
      withInstance(async (instance) => {
        const fullPath = path.resolve(io.cwd, file);
        let source: string;
        try {
          source = readFileSync(fullPath, 'utf8');
        } catch (error) {
          throw new CliError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
        }
        let installed: { version: number; digest: string };
        try {
          installed = instance.sync.maturity.setModel(source, null);
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
        await evaluateAll(instance, io, instance.store.repositories.listMembers());
      }),
    );

  maturity
    .command('exempt <owner/repo> <signal>')
    .description('exempt a signal of a project until a date (a reviewer or administrator decides), then re-evaluate it')
    .requiredOption('--reason <text>', 'why the signal does not count for this project')
    .requiredOption('--until <date>', 'when the exemption expires: YYYY-MM-DD or an ISO-8601 date-time')
    .requiredOption('--by <login>', 'the reviewer or administrator who decides (a user of this instance)')
    .action((fullName: string, signal: string, options: { reason: string; until: string; by: string }) =>
      withInstance(async (instance) => {
        const row = member(instance, fullName);
        const user = instance.store.users.findByLogin(options.by);
        if (!user)
          throw new CliError(
            `--by ${options.by}: no such user (add one with \`npx magnolia user add ${options.by} --role reviewer\`)`,
          );
        if (user.role === 'member')
          throw new CliError(
            `--by ${options.by}: only a reviewer or an administrator can exempt a signal (${options.by} is a member)`,
          );
        const exemption = exemptSignal(instance.store, systemClock, {
          repositoryId: row.id,
          signal,
          reason: options.reason,
          expiresAt: options.until,
          by: user.login,
        });
        io.stderr.write(
          `${row.full_name}: ${exemption.signal} exempted until ${exemption.expiresAt} (exemption ${exemption.id})\n`,
        );
        await evaluateAll(instance, io, [row]);
      }),
    );
}
