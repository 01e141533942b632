import type { LoadedModel } from '../model/parse-model.ts';

/** How a project's level moved between two evaluations. */
export interface LevelChange {
  from_level: string | null;
  to_level: string | null;
  direction: 'up' | 'down' | 'first';
}

/**
 * The change from the previous result's level to `level`, or null when it did not change. The first evaluation is
 * a `first`, not an `up`: a project seen for the first time at Sandbox has not matured, it has been found.
 * Ranks come from the model in force (a level it no longer has ranks lowest).
 */
export function levelChange(
  model: LoadedModel,
  previous: { level: string | null } | undefined,
  level: string | null,
): LevelChange | null {
  if (!previous) return { from_level: null, to_level: level, direction: 'first' };
  if (previous.level === level) return null;
  const rank = (id: string | null) => (id === null ? -1 : model.model.levels.findIndex((l) => l.id === id));
  return {
    from_level: previous.level,
    to_level: level,
    direction: rank(level) > rank(previous.level) ? 'up' : 'down',
  };
}
