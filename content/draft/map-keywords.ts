import type { Nodes, Parent, Text } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import type { RequirementForm } from './draft-types.ts';
import { rewriteSelfReference } from './rewrite-self-reference.ts';

/** One BCP 14 keyword found (and rewritten) in a block. */
export interface KeywordHit {
  keyword: string;
  form: RequirementForm;
  /** The words that replaced it in the draft. */
  replacement: string;
  /** The text node it is in, and where the replacement starts in that node's new value (to find its sentence). */
  node: Text;
  offset: number;
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
  /** How many "本规范" / "本标准" became "本文件". */
  selfReferences: number;
}

/** Chinese words a spec declared as its keywords (`"MUST/必须"`), each with the keyword it stands for. */
export type DeclaredKeywords = ReadonlyMap<string, string>;

/** An empty scan (blocks whose keywords are not read: conventions paragraphs, generated text). */
export function noScan(): KeywordScan {
  return { hits: [], ambiguous: [], changes: [], selfReferences: 0 };
}

const EN_KEYWORDS =
  'MUST\\s+NOT|SHALL\\s+NOT|SHOULD\\s+NOT|NOT\\s+RECOMMENDED|MUST|REQUIRED|SHALL|SHOULD|RECOMMENDED|MAY|OPTIONAL';
// Chinese modal words a spec glosses with its keyword: `必须（MUST）` is one provision, not two.
const MODAL_WORDS =
  '不应该|不应当|不推荐|不建议|不需要|不必|不得|不能|不可|不应|不宜|禁止|必须|必需|需要|应当|应该|推荐|建议|可以|可选|允许|可能|应|宜|可|须';
// Longest alternatives first so `MUST NOT` is never read as `MUST` followed by `NOT`. A keyword in quotation
// marks (`"MUST"`) is only mentioned, so the match records the characters around it.
const KEYWORDS = new RegExp(
  `((?:${MODAL_WORDS})?)[ \\t]*[（(][ \\t]*(${EN_KEYWORDS})[ \\t]*[)）]|\\b(${EN_KEYWORDS})\\b`,
  'g',
);
const AMBIGUOUS = /\b(must|should|may)\b/g;
const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
const OPEN_QUOTES = new Set(['"', "'", '“', '‘', '「', '『', '`']);
const CLOSE_QUOTES = /["'”’」』`]/;
const SENTENCE_START = /(?:^|[.!?]\s+)$/;

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

/** The keyword pattern with the declared words as a third alternative (longest first: `不应该` before `应该`). */
function patternFor(declared: DeclaredKeywords): RegExp {
  if (declared.size === 0) return KEYWORDS;
  const words = [...declared.keys()]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`${KEYWORDS.source}|(${words.join('|')})`, 'g');
}

const patterns = new WeakMap<DeclaredKeywords, RegExp>();
const NONE: DeclaredKeywords = new Map();

/**
 * Rewrites BCP 14 / RFC 2119 keywords in the text of one block (never inside code) into the standard's verbal
 * forms: `必须（MUST）` as one provision, the Chinese words the spec declared as keywords, keywords in capitals.
 * A keyword in quotation marks is only mentioned and stays as written; one in a table's header row is rewritten but
 * states no requirement. Lowercase must/should/may are reported as ambiguous. In Chinese text "本规范" and "本标准"
 * become "本文件".
 *
 * Before: `The client MUST NOT retry; it MAY log.`  /  `客户端必须（MUST）重试。`
 * After:  `The client shall not retry; it may log.` /  `客户端应重试。`
 */
export function mapKeywords(block: Nodes, chinese: boolean, declared: DeclaredKeywords = NONE): KeywordScan {
  let pattern = patterns.get(declared);
  if (!pattern) patterns.set(declared, (pattern = patternFor(declared)));
  const useDeclared = chinese && declared.size > 0;
  const hits: KeywordHit[] = [];
  const ambiguous: string[] = [];
  const changes: TextChange[] = [];
  let selfReferences = 0;
  visitParents(block, 'text', (node, ancestors) => {
    const value = node.value;
    for (const match of value.matchAll(AMBIGUOUS)) ambiguous.push(match[0]);
    const parent = ancestors[ancestors.length - 1] as Parent | undefined;
    const cell = parent?.type === 'tableCell';
    const table = ancestors[ancestors.length - 3] as Parent | undefined;
    const header = cell && table?.type === 'table' && table.children[0] === ancestors[ancestors.length - 2];
    const blockStart = !cell && parent?.children[0] === node;
    let out = '';
    let at = 0;
    if (/[A-Z]{3}/.test(value) || useDeclared) {
      for (const match of value.matchAll(pattern)) {
        const start = match.index;
        const end = start + match[0].length;
        const [, modal = '', glossed, bare, word] = match;
        if (word !== undefined && !useDeclared) continue;
        const keyword = (glossed ?? bare ?? (word !== undefined ? declared.get(word) : undefined))?.replace(
          /\s+/g,
          ' ',
        );
        const entry = keyword === undefined ? undefined : FORMS[keyword];
        if (!entry || keyword === undefined) continue;
        const before = value[start - 1] ?? '';
        // `"MUST"` (or `“必须”`) is a mention: left as written.
        if (glossed === undefined && OPEN_QUOTES.has(before) && CLOSE_QUOTES.test(value[end] ?? '')) continue;
        let head = value.slice(at, start);
        let next = end;
        let replacement = chinese ? entry.zh : entry.en;
        if (glossed !== undefined && modal === '') {
          // A gloss after words that are no modal verb (`字段（REQUIRED）`): only the keyword inside is rewritten.
          const inner = start + match[0].indexOf(glossed);
          head = value.slice(at, inner);
          next = inner + glossed.length;
        }
        if (chinese) {
          // In Chinese text the keyword was usually set off by spaces (`客户端 MUST 重试`); Chinese needs none.
          const left = /([^\s\x00-\x7f])[ \t]+$/.exec(out + head);
          const right = /^[ \t]+(?=[^\s\x00-\x7f])/.exec(value.slice(next));
          if (left && right) {
            head = head.slice(0, head.length - (left[0].length - left[1]!.length));
            next += right[0].length;
          }
        } else if (SENTENCE_START.test(out + head) && (blockStart || out + head !== '')) {
          replacement = replacement[0]!.toUpperCase() + replacement.slice(1);
        }
        out += head;
        if (!header) hits.push({ keyword, form: entry.form, replacement, node, offset: out.length });
        out += replacement;
        at = next;
      }
    }
    let mapped = at === 0 ? value : out + value.slice(at);
    if (chinese) {
      const rewritten = rewriteSelfReference(mapped);
      // Same length (本规范 → 本文件), so no offset moves.
      mapped = rewritten.value;
      selfReferences += rewritten.count;
    }
    node.value = mapped;
    if (mapped !== value) {
      changes.push({
        start: node.position?.start.offset ?? -1,
        end: node.position?.end.offset ?? -1,
        before: value,
        after: mapped,
      });
    }
  });
  return { hits, ambiguous, changes, selfReferences };
}
