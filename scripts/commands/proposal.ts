import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { renderMessage } from '../../content/i18n/render-message.ts';
import type { Services } from '../../sync/create-services.ts';
import type { ProposalJson } from '../../sync/proposals/proposal-json.ts';
import type { ProposalActor } from '../../sync/proposals/proposals-service.ts';
import { CliError, type CliIO } from '../cli-io.ts';
import { withInstance } from '../open-instance-store.ts';
import { registerBallotCommands } from './proposal-ballot.ts';

/** The person the command acts as: their roles and maintained projects, as on the portal. */
function actingAs(services: Services, login: string): ProposalActor {
  const row = services.accounts.user(login);
  const actor = services.accounts.actorOf(row.id, 'session');
  if (!actor) throw new CliError(`--as ${login}: no such user`, 'not-found');
  const me = services.accounts.me(actor);
  return { login: me.login, roles: me.roles, maintainerOf: me.maintainerOf };
}

/** A proposal as a terminal shows it: facts, who holds it, what each action still lacks, the history. */
function describe(p: ProposalJson): string {
  const lines = [
    `${p.number}  ${p.title.zh} / ${p.title.en}`,
    `project ${p.project}  stage ${p.state} (${p.stateName.en})  ref ${p.ref} (${p.commit.slice(0, 12)})`,
    `waiting: ${p.waiting?.en ?? '-'}`,
    ...(p.period
      ? [`${p.period.kind} period: ${p.period.startedAt.slice(0, 10)} to ${p.period.endsAt.slice(0, 10)}`]
      : []),
    'revisions:',
    ...(p.revisions.length === 0
      ? ['  none yet']
      : p.revisions.map((r) => `  ${r.label} ${r.status} ${r.commit?.slice(0, 12) ?? ''} ${r.createdAt.slice(0, 10)}`)),
    'actions:',
    ...p.actions.flatMap((a) => [
      `  ${a.id}${a.allowed ? '' : ' (not yours)'}${a.missing.length === 0 ? ': ready' : ':'}`,
      ...a.missing.map((m) => `    - ${renderMessage(m.message, 'en')}`),
    ]),
    'history:',
    ...p.history.map(
      (h) =>
        `  ${h.at.slice(0, 16).replace('T', ' ')} ${h.actor} ${h.action} ${h.from ?? '-'} -> ${h.to}${h.comment ? `: ${h.comment}` : ''}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** `magnolia proposal list|show|act|revise|workflow`: the proposal workflow from the command line. */
export function registerProposalCommand(program: Command, io: CliIO): void {
  const proposal = program.command('proposal').description('proposals: list, show, take an action, ask for a revision');
  proposal
    .command('list')
    .description('list proposals (newest first)')
    .option('--stage <id>', 'only proposals in this stage')
    .option('--project <owner/repo>', "only this project's proposals")
    .action((options: { stage?: string; project?: string }) =>
      withInstance(io, ({ services }) => {
        const list = services.proposals.list(options);
        if (list.length === 0) io.stderr.write('no proposals\n');
        for (const p of list) io.stdout.write(`${p.number}\t${p.state}\t${p.project}\t${p.title.zh}\n`);
      }),
    );
  proposal
    .command('show <number>')
    .description('a proposal: stage, revisions, what each action still lacks, history')
    .option('--as <login>', 'show which actions this person may take')
    .option('--json', 'print the API answer')
    .action((number: string, options: { as?: string; json?: boolean }) =>
      withInstance(io, ({ services }) => {
        const shown = services.proposals.get(number, options.as ? actingAs(services, options.as) : null);
        io.stdout.write(options.json ? `${JSON.stringify(shown, null, 2)}\n` : describe(shown));
      }),
    );
  proposal
    .command('act <number> <action>')
    .description('take a workflow action (submit, accept-for-review, …) as a person')
    .requiredOption('--as <login>', 'the person who acts (their roles decide, as on the portal)')
    .option('--comment <text>', 'the comment or reason recorded with the action')
    .option('--decision <url>', 'a link to the decision (minutes, ballot) when the action records one')
    .action((number: string, action: string, options: { as: string; comment?: string; decision?: string }) =>
      withInstance(io, ({ services }) => {
        const done = services.proposals.act(
          number,
          {
            action,
            ...(options.comment ? { comment: options.comment } : {}),
            ...(options.decision ? { decision: options.decision } : {}),
          },
          actingAs(services, options.as),
        );
        io.stderr.write(`${done.number}: ${done.state} (${done.stateName.en})\n`);
      }),
    );
  proposal
    .command('revise <number>')
    .description("ask for a new draft revision; the server's worker generates it")
    .requiredOption('--as <login>', 'the editor who asks (a maintainer of the project or the secretariat)')
    .option('--ref <ref>', "tag, branch or commit (default: the proposal's ref)")
    .option('--reason <text>', 'why this revision')
    .action((number: string, options: { as: string; ref?: string; reason?: string }) =>
      withInstance(io, async ({ services }) => {
        const revision = await services.proposals.revise(
          number,
          { ...(options.ref ? { ref: options.ref } : {}), ...(options.reason ? { reason: options.reason } : {}) },
          actingAs(services, options.as),
        );
        io.stderr.write(
          `${revision.number}${revision.label}: ${revision.status}${revision.status === 'queued' ? ' (the server generates it; see magnolia proposal show)' : ''}\n`,
        );
      }),
    );
  registerBallotCommands(proposal, io, actingAs);
  const workflow = proposal.command('workflow').description('the standards workflow file in force');
  workflow
    .command('show')
    .description('print the workflow YAML in force')
    .action(() => withInstance(io, ({ services }) => void io.stdout.write(services.proposals.workflow().source)));
  workflow
    .command('set <file>')
    .description('install another workflow file (validated first; every problem is listed)')
    .action((file: string) =>
      withInstance(io, async ({ services }) => {
        const source = await readFile(path.resolve(io.cwd, file), 'utf8').catch(() => {
          throw new CliError(`${file} cannot be read: give the path of a workflow YAML file`, 'not-found');
        });
        const { digest } = services.proposals.installWorkflow(source, 'cli');
        io.stderr.write(`workflow ${digest} installed\n`);
      }),
    );
}
