import { CLAUSE_ID_PATTERN } from '../../draft/clause-id.ts';
import { DomainError } from '../../../kernel/errors/domain-error.ts';

// Word's bookmark names start with a letter, hold at most 40 letters, digits and underscores; a clause ID
// (`c-` + 12 hex digits, `-2` for a repeat) has hyphens. The name keeps the ID with each hyphen an underscore,
// which no clause ID holds, so the mapping reverses exactly and a returned Word file leads back to its clauses.
//   c-234ede17f241   ⇄ c_234ede17f241
//   c-234ede17f241-2 ⇄ c_234ede17f241_2

const BOOKMARK_PATTERN = /^c_[0-9a-f]{12}(?:_[1-9]\d*)?$/;
const MAX_BOOKMARK = 40;

/** The Word bookmark name of a clause ID; refuses what is not a clause ID. */
export function bookmarkNameOf(clauseId: string): string {
  const name = clauseId.replace(/-/g, '_');
  if (!CLAUSE_ID_PATTERN.test(clauseId) || name.length > MAX_BOOKMARK)
    throw new DomainError(
      'invalid',
      'bad_clause_id',
      `"${clauseId.slice(0, 60)}" is not a clause ID: give one of the manifest's, such as c-234ede17f241`,
    );
  return name;
}

/** The clause ID a bookmark name stands for, or null for a bookmark that is no clause's (Word's own `_Toc…`). */
export function clauseIdOfBookmark(name: string): string | null {
  return BOOKMARK_PATTERN.test(name) ? name.replace(/_/g, '-') : null;
}
