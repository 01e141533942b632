import type { Command } from 'commander';
import { readConfig } from '../../server/config/read-config.ts';
import { createLogger } from '../../server/log/create-logger.ts';
import { startInstance } from '../../server/start-instance.ts';
import type { CliIO } from '../cli-io.ts';

/** `magnolia serve`: runs the portal until SIGTERM or SIGINT, then shuts down cleanly. */
export function registerServeCommand(program: Command, io: CliIO): void {
  program
    .command('serve')
    .description('serve the portal (configuration from the environment; see README)')
    .action(async () => {
      const config = readConfig(io.env, io.cwd);
      const log = createLogger(config.logLevel);
      const instance = await startInstance({ config, log });
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
