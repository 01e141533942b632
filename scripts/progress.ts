import cliProgress from 'cli-progress';
import type { CliIO } from './cli-io.ts';

/** Reports progress of long work: a bar on a terminal, one plain line per step elsewhere (CI, pipes). */
export interface Progress {
  step(label: string, result: string): void;
  stop(): void;
}

export function createProgress(io: CliIO, total: number, title: string): Progress {
  if (!io.isTTY) {
    let done = 0;
    return {
      step(label, result) {
        done += 1;
        io.stderr.write(`[${done}/${total}] ${label}: ${result}\n`);
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${title} [{bar}] {value}/{total} {label}`, stream: io.stderr as NodeJS.WriteStream, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label: '' });
  return {
    step(label) {
      bar.increment(1, { label });
    },
    stop() {
      bar.stop();
    },
  };
}
