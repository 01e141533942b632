import { describe, expect, it } from 'vitest';
import { parseWorkflow } from '../../sync/proposals/workflow/parse-workflow.ts';
import { readDefaultWorkflowSource } from '../../sync/proposals/workflow/load-workflow.ts';
import { WorkflowError } from '../../sync/proposals/workflow/workflow-error.ts';

const LEVELS = ['sandbox', 'incubating', 'mature', 'standard-candidate'];
const shipped = readDefaultWorkflowSource();

function problemsOf(source: string, levels = LEVELS): string[] {
  try {
    parseWorkflow(source, levels);
  } catch (error) {
    if (error instanceof WorkflowError) return error.problems;
    throw error;
  }
  return [];
}

describe('a workflow file', () => {
  it('is read with its digest, and the shipped one is valid', () => {
    const loaded = parseWorkflow(shipped, LEVELS);
    expect(loaded.digest).toMatch(/^[0-9a-f]{16}$/);
    expect(problemsOf(shipped)).toEqual([]);
  });

  it('with settings of its own changes the periods and the required level, not the code', () => {
    const strict = shipped
      .replace('commentDays: 30', 'commentDays: 60')
      .replace('requiredLevel: mature', 'requiredLevel: standard-candidate');
    const { workflow } = parseWorkflow(strict, LEVELS);
    expect(workflow.settings.commentDays).toBe(60);
    expect(workflow.settings.requiredLevel).toBe('standard-candidate');
  });

  it('is refused with every problem of shape and its path', () => {
    const broken = shipped
      .replace('guards: [project-level, sources-pinned', 'guards: [project-levels, sources-pinned')
      .replace('    by: [secretariat]\n', '    by: [chair]\n');
    expect(problemsOf(broken)).toEqual([
      expect.stringMatching(/^actions\.0\.guards\.0: guards are among: project-level, sources-pinned/),
      expect.stringMatching(/^actions\.1\.by\.0: by lists who may act: maintainer, member, reviewer/),
    ]);
  });

  it('is refused with every broken reference between stages and actions', () => {
    const broken = shipped
      .replace('    to: submitted\n', '    to: sent\n')
      .replace('initial: draft', 'initial: idea')
      .replace('  - id: resume\n', '  - id: reject\n');
    expect(problemsOf(broken)).toEqual([
      'actions: actions id "reject" is used twice',
      expect.stringMatching(/^initial: "idea" is not among stages: draft, submitted/),
      expect.stringMatching(/^actions\.0\.to: "sent" is not among stages: draft, submitted/),
    ]);
  });

  it('must say what each open stage waits for and give a way out of it', () => {
    const problems = problemsOf(
      shipped
        .replace(/    waiting: \{ en: waiting for the secretariat to accept[^\n]*\n/, '')
        .replace('    final: true\n', ''),
    );
    expect(problems).toContain('stages.1.waiting: say what the stage waits for');
    expect(problems).toContain('stages.11: no action leaves "withdrawn": mark it final: true or add an action from it');
  });

  it('needs a required level that the maturity model has, and YAML that reads', () => {
    expect(problemsOf(shipped, ['bronze', 'silver'])).toEqual([
      'settings.requiredLevel: "mature" is not a level of the maturity model: bronze, silver',
    ]);
    expect(problemsOf('stages: [\n')[0]).toMatch(/^the YAML cannot be read at line \d+/);
    expect(problemsOf('name: { en: x }\n')).toEqual(
      expect.arrayContaining(['name.zh: Invalid input: expected string, received undefined']),
    );
  });
});
