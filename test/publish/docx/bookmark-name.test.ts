import { describe, expect, it } from 'vitest';
import { bookmarkNameOf, clauseIdOfBookmark } from '../../../content/publish/docx/bookmark-name.ts';
import { DomainError } from '../../../kernel/errors/domain-error.ts';
import { makeDraft } from './docx-fixtures.ts';

describe('bookmark names of clause IDs', () => {
  it('are Word bookmark names (a letter first, at most 40 letters, digits, underscores) and map back exactly', () => {
    const ids = [...makeDraft('en').manifest.clauses.map((c) => c.id), 'c-234ede17f241-2', 'c-234ede17f241-999999'];
    for (const id of ids) {
      const name = bookmarkNameOf(id);
      expect(name).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,39}$/);
      expect(clauseIdOfBookmark(name)).toBe(id);
    }
    expect(bookmarkNameOf('c-234ede17f241-2')).toBe('c_234ede17f241_2');
    expect(new Set(ids.map(bookmarkNameOf)).size).toBe(new Set(ids).size);
  });

  it('refuse what is no clause ID, and read no clause in Word’s own bookmarks', () => {
    for (const bad of ['', 'c-XYZ', 'c-234ede17f241-0', 'x-234ede17f241', 'c-234ede17f241 ', '<c-234ede17f241>'])
      expect(() => bookmarkNameOf(bad)).toThrow(DomainError);
    expect(() => bookmarkNameOf('c-nope')).toThrow(/is not a clause ID: give one of the manifest's/);
    for (const name of ['_Toc21', 'c_234ede17f24', 'c_234ede17f241_0', 'C_234ede17f241', 'c-234ede17f241'])
      expect(clauseIdOfBookmark(name)).toBeNull();
  });
});
