import { access, constants } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import { DomainError } from '../../../kernel/errors/domain-error.ts';

// Debian's Chromium, headless, for printing drafts: never a downloaded browser, and no way out to the network
// (every host name fails to resolve; print-pdf.ts also aborts every request and turns JavaScript off).

/** Where Debian's chromium package puts the browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--no-first-run',
  '--dns-prefetch-disable',
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/** The refusal when no browser can print: what is missing and how to install it. */
function browserMissing(executablePath: string, detail?: string): DomainError {
  return new DomainError(
    'unavailable',
    'pdf_browser_missing',
    `PDF printing needs Chromium at ${executablePath}, which ${detail ? `could not start (${detail})` : 'is not there'}: ` +
      "install Debian's chromium (apt-get install -y chromium) and try again",
    { executablePath },
  );
}

/** Launches headless Chromium for printing; refuses with `pdf_browser_missing` when it is not installed. */
export async function launchPrintBrowser(executablePath: string = CHROMIUM_PATH): Promise<Browser> {
  try {
    await access(executablePath, constants.X_OK);
  } catch {
    throw browserMissing(executablePath);
  }
  try {
    return await chromium.launch({ executablePath, headless: true, args: ARGS });
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
    throw browserMissing(executablePath, first.slice(0, 200));
  }
}
