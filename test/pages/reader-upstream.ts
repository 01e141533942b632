import { ALICE, BOB, CAROL, createUpstream, type Upstream } from '../support/git-fixture.ts';

/** Alice's alias: a version-like string a tool once wrote into her name field, on a few of her commits. */
export const ALICE_ALIAS = { name: 'alice-v2.3.1-rc1', email: ALICE.email };
export const TAGS = 25;
export const CAROL_MAILMAPPED = 'Carol Wu (Lianxin)';

const APACHE = `                                 Apache License
                           Version 2.0, January 2004
                        http://www.apache.org/licenses/

   TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION
`;

/**
 * An upstream as a new user meets one on GitHub: an Apache-2.0 LICENSE, 25 tags and no API releases, every
 * non-merge commit signed off and the pull requests merged with "Merge pull request #…" commits (no sign-off),
 * and Alice's commits mostly under her name, a few under a version-like alias. Spans two years, so sustained
 * signals have a past the portal never saw.
 */
export function createReaderUpstream(name = 'codec'): Upstream {
  const upstream = createUpstream(name);
  const authors = [ALICE, ALICE, BOB, ALICE, CAROL];
  const start = Date.parse('2024-06-03T09:00:00Z');
  // The mailmap names Carol as she wants to be named, a name none of her commits carries: it wins.
  upstream.commit(
    { LICENSE: APACHE, 'README.md': `# ${name}\n`, '.mailmap': `${CAROL_MAILMAPPED} <${CAROL.email}>\n` },
    ALICE,
    new Date(start).toISOString(),
    signed('Add the licence', ALICE),
  );
  for (let i = 0; i < 50; i += 1) {
    const date = new Date(start + (i + 1) * 14 * 86_400_000).toISOString();
    const author = i % 10 === 9 ? ALICE_ALIAS : authors[i % authors.length]!;
    const file = { 'spec/protocol.md': `# Protocol\n\nRevision ${i}.\n\nA client MUST send a hello frame.\n` };
    if (i % 5 === 4) {
      // A topic branch merged as GitHub's merge button does: the merge commit carries no sign-off.
      upstream.git('checkout', '--quiet', '-b', `topic-${i}`);
      upstream.commit(file, author, date, signed(`Revise the protocol (${i})`, author));
      upstream.git('checkout', '--quiet', 'main');
      upstream.git('merge', '--quiet', '--no-ff', '--no-commit', `topic-${i}`);
      upstream.commit({}, CAROL, date, `Merge pull request #${i} from acme/topic-${i}`);
    } else {
      upstream.commit(file, author, date, signed(`Revise the protocol (${i})`, author));
    }
    if (i % 2 === 1 && i / 2 < TAGS) upstream.git('tag', `v0.${Math.floor(i / 2)}.0`);
  }
  upstream.push('main', '--tags');
  return upstream;
}

const signed = (subject: string, author: { name: string; email: string }) =>
  `${subject}\n\nSigned-off-by: ${author.name} <${author.email}>`;

/** A page's visible text: no markup, no scripts or styles, whitespace collapsed (for sentences a reader sees). */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;|&#34;/g, '"')
    .replace(/\s+/g, ' ');
}
