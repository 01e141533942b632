import type { Command } from 'commander';
import { readConfig } from '../../kernel/config/read-config.ts';
import { createLogger } from '../../kernel/log/create-logger.ts';
import { startInstance } from '../../server/start-instance.ts';
import { CliError, type CliIO } from '../cli-io.ts';

/**
 * `magnolia serve`: runs the portal until SIGTERM or SIGINT (or, under `npm start`, until npm goes), then shuts
 * down cleanly.
 */
export function registerServeCommand(program: Command, io: CliIO): void {
  program
    .command('serve')
    .description('serve the portal (configuration from the environment; see README)')
    .action(async () => {
      const config = readConfig(io.env, io.cwd);
      const log = createLogger(config.logLevel);
      const instance = await startInstance({ config, log, clock: io.clock }).catch((error: unknown) => {
        const code = (error as { code?: string }).code;
        if (code === 'EADDRINUSE') {
          throw new CliError(
            `${config.host}:${config.port} is already in use: set PORT to a free port (or stop the other server)`,
          );
        }
        if (code === 'EACCES' || code === 'EADDRNOTAVAIL') {
          throw new CliError(`cannot listen on ${config.host}:${config.port} (${code}): check HOST and PORT`);
        }
        throw error;
      });
      log.info({ url: instance.url, dataDir: config.dataDir }, 'Magnolia is serving');
      const shutdown = (signal: string) => {
        log.info({ signal }, 'shutting down');
        instance.close().then(
          () => process.exit(0),
          (error: unknown) => {
            log.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.once('SIGTERM', () => shutdown('SIGTERM'));
      process.once('SIGINT', () => shutdown('SIGINT'));
      // Started by `npm start`: npm passes a signal to the shell it ran, and a shell that dies of it leaves this
      // process behind, still listening (npm 11 with `sh -c`). The script execs node so the signal arrives here;
      // should the parent still go (killed outright), a server whose parent changed stops rather than linger.
      if (process.env.npm_lifecycle_event === 'start') {
        const parent = process.ppid;
        const watch = setInterval(() => {
          if (process.ppid === parent) return;
          clearInterval(watch);
          shutdown('parent exited');
        }, 1_000);
        watch.unref();
      }
    });
}
