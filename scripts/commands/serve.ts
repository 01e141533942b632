import type { Command } from 'commander';
import { readConfig } from '../../kernel/config/read-config.ts';
import { createLogger } from '../../kernel/log/create-logger.ts';
import { startInstance } from '../../server/start-instance.ts';
import { CliError, type CliIO } from '../cli-io.ts';

/** `magnolia serve`: runs the portal until SIGTERM or SIGINT, then shuts down cleanly. */
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
    });
}
