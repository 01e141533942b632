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
