import type { Command } from 'commander';
import type { Services } from '../../sync/create-services.ts';
import type { ProposalActor } from '../../sync/proposals/proposals-service.ts';
import type { BallotJson } from '../../sync/review/ballots/ballot-json.ts';
import type { CliIO } from '../cli-io.ts';
import { withInstance } from '../open-instance-store.ts';

type ActingAs = (services: Services, login: string) => ProposalActor;

/** A ballot as a terminal shows it: status, tally, each voter's position, the open blocks. */
function describeBallot(b: BallotJson): string {
  const t = b.tally;
  const lines = [
    `${b.number} ballot ${b.seq} on ${b.revLabel}: ${b.status}${b.status === 'open' ? ` until ${b.closesAt}` : ` ${b.closedAt ?? ''}${b.closedBy ? ` by ${b.closedBy}` : ' (closing date)'}`}`,
    `${t.passed ? 'passed' : 'not passed'}${t.failing.length ? ` (${t.failing.join(', ')})` : ''}: in favour ${t.inFavour} of ${t.counted}, rule ${b.rule.passRatio} with ${b.rule.minVoters} taking part`,
    `yes ${t.yes}, no objection ${t.noObjection}, block ${t.block}, abstain ${t.abstain}, recuse ${t.recuse}; not voted: ${t.missing.join(', ') || 'nobody'}`,
    ...b.positions.map(
      (p) =>
        `  ${p.voter}\t${p.position}${p.clauseIds.length ? `\t${p.clauseIds.join(' ')}` : ''}${p.reason ? `\t${p.reason}` : ''}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** `magnolia proposal ballot show|open|vote|close` over the ballots service, acting as a named person. */
export function registerBallotCommands(proposal: Command, io: CliIO, actingAs: ActingAs): void {
  const ballot = proposal.command('ballot').description('the ballot of the technical review (技术审查)');
  ballot
    .command('show <number>')
    .description("the proposal's latest ballot: tally, positions, open blocks")
    .option('--json', 'print the API answer')
    .action((number: string, options: { json?: boolean }) =>
      withInstance(io, ({ services }) => {
        const { ballot: shown, number: proposal } = services.ballots.current(number);
        if (shown === null) io.stderr.write(`${proposal}: no ballot has been opened\n`);
        else io.stdout.write(options.json ? `${JSON.stringify(shown, null, 2)}\n` : describeBallot(shown));
      }),
    );
  ballot
    .command('open <number>')
    .description('open a ballot on the latest revision (the secretariat)')
    .requiredOption('--as <login>', 'the secretariat member who opens it')
    .requiredOption('--voters <logins>', 'the panel: logins separated by commas')
    .option('--closes <YYYY-MM-DD>', 'the closing day (default: the workflow’s closeDays from now)')
    .action((number: string, options: { as: string; voters: string; closes?: string }) =>
      withInstance(io, ({ services }) => {
        const opened = services.ballots.open(
          number,
          { voters: options.voters, closesAt: options.closes },
          actingAs(services, options.as),
        );
        io.stderr.write(`${opened.number}: ballot ${opened.seq} open until ${opened.closesAt}\n`);
      }),
    );
  ballot
    .command('vote <number> <position>')
    .description('take or change a position: yes, no-objection, block, abstain, recuse (voters only)')
    .requiredOption('--as <login>', 'the voter')
    .option('--reason <text>', 'the reason (required for a block)')
    .option('--clauses <ids>', 'clause IDs of the revision, separated by commas (required for a block)')
    .action((number: string, position: string, options: { as: string; reason?: string; clauses?: string }) =>
      withInstance(io, ({ services }) => {
        const after = services.ballots.cast(
          number,
          { position, reason: options.reason ?? '', clauseIds: options.clauses ?? '' },
          actingAs(services, options.as),
        );
        io.stderr.write(
          `${after.number}: ${options.as} ${position}; ${after.tally.passed ? 'passes' : 'does not pass'} as it stands\n`,
        );
      }),
    );
  ballot
    .command('close <number>')
    .description('close the open ballot and keep its result (the secretariat)')
    .requiredOption('--as <login>', 'the secretariat member who closes it')
    .action((number: string, options: { as: string }) =>
      withInstance(io, ({ services }) => {
        const closed = services.ballots.close(number, actingAs(services, options.as));
        io.stderr.write(
          `${closed.number}: ballot ${closed.seq} closed, ${closed.tally.passed ? 'passed' : 'not passed'}\n`,
        );
      }),
    );
}
