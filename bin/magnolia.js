#!/usr/bin/env node
// Entry point of `npx magnolia` and `npm start`: TypeScript sources run through tsx, no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../scripts/magnolia.ts');
const { systemClock } = await import('../kernel/clock.ts');
process.exitCode = await main(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: Boolean(process.stderr.isTTY) && process.env.CI !== 'true',
  clock: systemClock,
});
