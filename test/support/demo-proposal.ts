import type { WebSession } from './web-session.ts';
// The proposal the demo tests make: cloudtide/nimbus-placement's spec at v1.0.0, as its maintainer would propose it.
export const NIMBUS_PROPOSAL = {
  project: 'cloudtide/nimbus-placement',
  title: { zh: '云工作负载放置请求格式', en: 'Nimbus placement request format' },
  ref: 'v1.0.0',
  sources: [{ path: 'spec/placement.md', role: 'clauses' }],
  scope: 'The placement request a scheduler accepts.',
  rationale: 'Three independent engines implement it.',
  implementations: [{ name: 'nimbus engine' }, { name: 'edgehive placer' }],
  iprStatement: 'The proposer knows of no patent that the specification needs.',
};

/**
 * Proposes NIMBUS_PROPOSAL as its maintainer (chenyu-ct), generates its first revision, and has the secretariat
 * (linqing-sec) accept and approve it: the proposal in its public notice, and the clauses of its revision 00.
 */
export async function proposeAndApprove(
  app: { url: string; worker: { drain(): Promise<unknown> } },
  as: (login: string) => Promise<WebSession>,
): Promise<{ number: string; clauses: { id: string; number: string; title: string }[] }> {
  const maintainer = await as('chenyu-ct');
  const created = await maintainer.json('POST', '/api/proposals', NIMBUS_PROPOSAL);
  const { number } = (await created.json()) as { number: string };
  await maintainer.json('POST', `/api/proposals/${number}/revisions`, {});
  await app.worker.drain();
  const manifest = (await (await fetch(`${app.url}/api/proposals/${number}/revisions/0/manifest.json`)).json()) as {
    clauses: { id: string; number: string; title: string }[];
  };
  for (const [login, action, extra] of [
    ['chenyu-ct', 'submit', {}],
    ['linqing-sec', 'accept-for-review', {}],
    ['linqing-sec', 'approve-project', { decision: 'minutes 1' }],
  ] as const) {
    const res = await (await as(login)).json('POST', `/api/proposals/${number}/actions`, { action, ...extra });
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${await res.text()}`);
  }
  return { number, clauses: manifest.clauses };
}
