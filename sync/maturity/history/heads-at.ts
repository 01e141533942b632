/** A commit of the graph as the backfill needs it. */
export interface GraphCommit {
  sha: string;
  /** Parent shas, first parent first. */
  parents: readonly string[];
  /** Committer time, epoch ms: when the commit reached the branch (a merge's time, not its author's). */
  time: number;
}

/**
 * The commit the default branch pointed at on each of `dates` (epoch ms, any order): the newest commit of the
 * first-parent chain from `head` committed at or before the date, or null before the first. Pure; walks the chain
 * once.
 *
 *   chain c3 (day 9) ← c2 (day 5) ← c1 (day 1), dates [day 0, day 6]  →  [null, c2]
 */
export function headsAt(
  graph: ReadonlyMap<string, GraphCommit>,
  head: string,
  dates: readonly number[],
): (string | null)[] {
  const chain: GraphCommit[] = [];
  const seen = new Set<string>();
  for (let c = graph.get(head); c && !seen.has(c.sha); c = graph.get(c.parents[0] ?? '')) {
    seen.add(c.sha);
    chain.push(c);
  }
  return dates.map((date) => chain.find((c) => c.time <= date)?.sha ?? null);
}
