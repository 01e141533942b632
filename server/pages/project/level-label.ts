import type { Messages } from '../../../content/i18n/messages.ts';

/** The name of a level in the reader's language (the level id itself for a level the catalogue does not know). */
export function levelLabel(t: Messages, level: string | null): string {
  if (level === null) return t.level.none;
  // Level ids are data (the model): an id like `constructor` must not find Object's members.
  const names = t.level as Record<string, string>;
  return Object.hasOwn(names, level) ? names[level]! : level;
}

/** A CSS class for a level's colour (ids are data: anything unexpected falls back to the neutral class). */
export function levelClass(level: string | null): string {
  return level && /^[a-z0-9-]+$/.test(level) ? `level-${level}` : 'level-none';
}
