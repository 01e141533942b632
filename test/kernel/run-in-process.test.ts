import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import { BackgroundTaskError, runInProcess } from '../../kernel/threads/run-in-process.ts';

const SCHED_IDLE = 5;
const scheduling = new URL('./fixtures/scheduling-task.ts', import.meta.url);
const failing = new URL('./fixtures/failing-task.ts', import.meta.url);

// Background work (a revision of a large draft) runs in its own process at background priority so the process that
// answers requests keeps the CPU; the caller's own priority must not change.
describe('runInProcess', () => {
  it.runIf(process.platform === 'linux')(
    'answers from a child at background priority, the caller unchanged',
    async () => {
      const before = getPriority();
      const answer = await runInProcess<{ echo: string }, { echo: string; nice: number; policy: number }>(
        scheduling,
        { echo: '起草 ✓' },
        'reporting the scheduling',
      );
      expect(answer.echo).toBe('起草 ✓');
      expect(answer.nice).toBe(10);
      expect(answer.policy).toBe(SCHED_IDLE);
      expect(getPriority()).toBe(before);
    },
  );

  it('keeps a refusal a DomainError, with its kind, code and params', async () => {
    const refused = await runInProcess(failing, { how: 'refuse' }, 'failing').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ kind: 'too-large', code: 'spec_file_too_large', params: { file: 'a.md' } });
  });

  it('names the task when it throws a bug or its process dies before answering', async () => {
    await expect(runInProcess(failing, { how: 'throw' }, 'failing on purpose')).rejects.toThrow(
      new BackgroundTaskError('failing on purpose', 'x is not a function'),
    );
    const died = runInProcess(failing, { how: 'exit' }, 'dying on purpose');
    await expect(died).rejects.toBeInstanceOf(BackgroundTaskError);
    await expect(died).rejects.toThrow(/dying on purpose failed in its background process: .*code 3/);
  });
});
