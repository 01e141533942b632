import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium (installed by .ci/run, never a downloaded browser), headless, with nothing that reaches out.
 * `extraArgs` adds flags a suite needs (the XSS suite turns off Local Network Access checks).
 */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}
