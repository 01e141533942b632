import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import type { RequirementForm } from './draft-types.ts';

/** One BCP 14 keyword found (and rewritten) in a block. */
export interface KeywordHit {
  keyword: string;
  form: RequirementForm;
  /** The words that replaced it in the draft. */
  replacement: string;
}

/** A text node whose value the mapping changed, with its source offsets (for splicing into the source). */
export interface TextChange {
  start: number;
  end: number;
  before: string;
  after: string;
}

/** What mapping one block found. */
export interface KeywordScan {
  hits: KeywordHit[];
  /** Lowercase must/should/may left untouched: their intent is unclear. */
  ambiguous: string[];
  /** Text nodes rewritten; a change without source offsets is recorded with start = end = -1. */
  changes: TextChange[];
}

// Longest alternatives first so `MUST NOT` is never read as `MUST` followed by `NOT`.
const KEYWORDS =
  /\b(MUST\s+NOT|SHALL\s+NOT|SHOULD\s+NOT|NOT\s+RECOMMENDED|MUST|REQUIRED|SHALL|SHOULD|RECOMMENDED|MAY|OPTIONAL)\b/g;
const AMBIGUOUS = /\b(must|should|may)\b/g;
const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

const FORMS: Record<string, { form: RequirementForm; en: string; zh: string }> = {
  MUST: { form: 'shall', en: 'shall', zh: '应' },
  SHALL: { form: 'shall', en: 'shall', zh: '应' },
  // Adjectival keywords keep their grammar in English ("is required"), which ISO/IEC Directives Part 2
  // accepts as an equivalent expression of the same verbal form.
  REQUIRED: { form: 'shall', en: 'required', zh: '应' },
  'MUST NOT': { form: 'shall not', en: 'shall not', zh: '不应' },
  'SHALL NOT': { form: 'shall not', en: 'shall not', zh: '不应' },
  SHOULD: { form: 'should', en: 'should', zh: '宜' },
  RECOMMENDED: { form: 'should', en: 'recommended', zh: '宜' },
  'SHOULD NOT': { form: 'should not', en: 'should not', zh: '不宜' },
  'NOT RECOMMENDED': { form: 'should not', en: 'not recommended', zh: '不宜' },
  MAY: { form: 'may', en: 'may', zh: '可' },
  OPTIONAL: { form: 'may', en: 'optional', zh: '可' },
};

/** True when the text is written in Chinese (so keywords become 应/宜/可 rather than shall/should/may). */
export function isChineseText(text: string): boolean {
  return CJK.test(text);
}

/**
 * Rewrites BCP 14 / RFC 2119 keywords in the text of one block (never inside code) into the standard's
 * verbal forms, and reports lowercase must/should/may as ambiguous.
 *
 * Before: `The client MUST NOT retry; it MAY log.`  /  `客户端 MUST 重试。`
 * After:  `The client shall not retry; it may log.` /  `客户端应重试。`
 */
export function mapKeywords(block: Nodes, chinese: boolean): KeywordScan {
  const hits: KeywordHit[] = [];
  const ambiguous: string[] = [];
  const changes: TextChange[] = [];
  visit(block, 'text', (node) => {
    const value = node.value;
    for (const match of value.matchAll(AMBIGUOUS)) ambiguous.push(match[0]);
    if (!/[A-Z]{3}/.test(value)) return;
    node.value = value.replace(KEYWORDS, (raw: string) => {
      const keyword = raw.replace(/\s+/g, ' ');
      const entry = FORMS[keyword];
      if (!entry) return raw;
      const replacement = chinese ? entry.zh : entry.en;
      hits.push({ keyword, form: entry.form, replacement });
      return replacement;
    });
    // In Chinese text the keyword was usually set off by spaces (`客户端 MUST 重试`); Chinese needs none.
    if (chinese && hits.length > 0) {
      node.value = node.value.replace(/([^\s\x00-\x7f])[ \t]+(不应|不宜|应|宜|可)[ \t]+(?=[^\s\x00-\x7f])/g, '$1$2');
    }
    if (node.value !== value) {
      changes.push({
        start: node.position?.start.offset ?? -1,
        end: node.position?.end.offset ?? -1,
        before: value,
        after: node.value,
      });
    }
  });
  return { hits, ambiguous, changes };
}
