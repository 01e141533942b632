import lunr from 'lunr';
import type { SearchDocument } from './search-document.ts';
import { searchPipeline } from './search-pipeline.ts';
import { tokenize } from './tokenize.ts';

/** Builds a lunr index over the documents with the bilingual tokenizer; returns its serialised form. */
export function buildIndex(documents: readonly SearchDocument[]): object {
  return buildLunrIndex(documents).toJSON();
}

/** Builds a lunr index over the documents with the bilingual tokenizer. */
export function buildLunrIndex(documents: readonly SearchDocument[]): lunr.Index {
  const stem = searchPipeline();
  const index = lunr(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.pipeline.add(stem);
    this.searchPipeline.add(stem);
    // lunr calls the builder's tokenizer with each field's value; ours segments Chinese and English alike.
    (this as unknown as { tokenizer: (value: unknown) => lunr.Token[] }).tokenizer = (value) =>
      value === null || value === undefined ? [] : tokenize(String(value)).map((term) => new lunr.Token(term, {}));
    this.ref('id');
    this.field('title', { boost: 5 });
    this.field('keywords', { boost: 2 });
    this.field('text');
    for (const doc of documents) this.add({ id: doc.id, title: doc.title, keywords: doc.keywords, text: doc.text });
  });
  return index;
}
