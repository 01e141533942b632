import { execFileSync } from 'node:child_process';

/** Fails with what to install when fonts-wqy-zenhei (the CJK font PDFs embed as a real font) is missing. */
export function requireWqy(): void {
  let listed = '';
  try {
    listed = execFileSync('fc-list', [':family=WenQuanYi Zen Hei', 'family'], { encoding: 'utf8' });
  } catch {
    listed = '';
  }
  if (!/WenQuanYi Zen Hei/.test(listed))
    throw new Error(
      "The font WenQuanYi Zen Hei is not installed (fc-list does not list it): install Debian's fonts-wqy-zenhei " +
        '(apt-get install -y fonts-wqy-zenhei); PDFs of Chinese drafts embed it as a real CID font.',
    );
}
