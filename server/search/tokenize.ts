// Text → search terms, the same for documents and queries, in any mix of Chinese and English.
//   "开源项目 Placement-API v1.2"  →  ["项目", "placement", "api", "v1.2", "开源", "源项", "项目"]
// Words come from Intl.Segmenter (ICU's dictionary segmentation for Chinese, spaces and punctuation elsewhere).
// ICU may cut the same characters differently in a long document and in a short query ("开源" alone is 开|源),
// so every run of Han characters also yields its overlapping bigrams: a query and a document that share two
// adjacent characters always share a term.

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN_RUN = /[\p{Script=Han}]+/gu;

/** The search terms of a text, lower-cased, in order (duplicates kept: lunr counts term frequency). */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    // A lone Han character inside a longer run is covered by the run's bigrams, and as a term it would match
    // nearly every Chinese document: kept only when it stands alone.
    if (isWordLike && !(segment.length === 1 && isHanTerm(segment) && !standsAlone(text, segment))) {
      terms.push(segment.toLowerCase());
    }
  }
  for (const [run] of text.matchAll(HAN_RUN)) {
    for (let i = 0; i + 2 <= run.length; i += 1) {
      const bigram = run.slice(i, i + 2);
      // A two-character run is already a word (or two single characters that the bigram now joins).
      if (run.length > 2 || !terms.includes(bigram)) terms.push(bigram);
    }
  }
  return terms;
}

function standsAlone(text: string, char: string): boolean {
  for (const [run] of text.matchAll(HAN_RUN)) if (run === char) return true;
  return false;
}

/** True for terms that contain Han characters (they skip the English stemmer and stop words). */
export function isHanTerm(term: string): boolean {
  return /\p{Script=Han}/u.test(term);
}
