import type { Link, Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit, EXIT } from 'unist-util-visit';
import { msg } from '../../kernel/i18n/message.ts';
import type { SpecBlock } from './build-outline.ts';
import type { CitedLink, CitedLinks } from './collect-cited-links.ts';
import type { Sourced } from './draft-recorder.ts';
import { identifierInText, identifyDocument } from './identify-document.ts';
import { KEYWORD_CONVENTION_DOCUMENTS, KNOWN_TITLES } from './known-document-titles.ts';
import { noScan } from './map-keywords.ts';
import type { PlanNotice } from './plan-notice.ts';

/** One entry of clause 2 or of the Bibliography: a document, once. */
export interface ReferenceEntry {
  identifier: string | undefined;
  title: string | undefined;
  edition: string | undefined;
  url: string | undefined;
  /** Where the entry was listed or cited (its provenance). */
  source: Sourced;
}

/** The two reference lists and what building them reported. */
export interface ReferenceLists {
  normative: ReferenceEntry[];
  informative: ReferenceEntry[];
  notices: PlanNotice[];
}

const GENERIC =
  /^(link|here|this|this link|click here|see|source|spec|specification|document|website|url|more|链接|这里|此处|点击这里)$/i;
const QUOTED = /["“]([^"”]{4,200})["”]/;
const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** A title from the link's own text, unless it is only the identifier, the URL or a word such as "link". */
function titleFromLinkText(text: string, identifier: string | undefined, url: string): string | undefined {
  let title = clean(text);
  if (identifier) {
    const bare = identifier
      .replace(/^IETF /, '')
      .replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
      .replace(/ /g, '\\s*-?\\s*');
    title = title.replace(new RegExp(`^\\[?${bare}\\]?\\s*[:：,—–-]?\\s*`, 'i'), '');
  }
  if (title === '' || title === url || GENERIC.test(title) || /^https?:\/\//.test(title)) return undefined;
  return title;
}

/** The first link of an entry's node. */
function firstLink(node: Nodes): Link | undefined {
  let found: Link | undefined;
  visit(node, 'link', (link) => {
    found = link;
    return EXIT;
  });
  return found;
}

/**
 * Builds the normative reference list (clause 2) and the cited part of the Bibliography: one entry per document,
 * deduplicated by identifier (else URL), written as identifier plus title with the edition a link pins. Entries the
 * spec lists itself are read for their titles (a quoted title, the text after the link); cited links take their
 * title from the link text, else from a table of well-known documents. Links that are no documents (search pages,
 * repository trees) and bare URLs without identifier or title go to the Bibliography and are reported; the documents of the spec's keyword conventions
 * (RFC 2119, RFC 8174) are dropped, since the standard's verbal forms replace them.
 *
 * Before: listed `- [RFC3339](https://tools.ietf.org/html/rfc3339) Date and Time on the Internet: Timestamps`,
 *         cited [RFC 3339](https://www.rfc-editor.org/rfc/rfc3339)
 * After:  normative [IETF RFC 3339  Date and Time on the Internet: Timestamps]
 */
export function buildReferenceList(listed: readonly SpecBlock[], cited: CitedLinks): ReferenceLists {
  const lists: ReferenceLists = { normative: [], informative: [], notices: [] };
  const keys = new Map<string, ReferenceEntry>();
  const add = (entry: ReferenceEntry, key: string, normative: boolean): void => {
    const known = keys.get(key);
    if (known) {
      known.title ??= entry.title;
      return;
    }
    if (entry.identifier && KEYWORD_CONVENTION_DOCUMENTS.has(entry.identifier)) {
      lists.notices.push({
        rule: 'reference-dropped',
        message: msg('draft.lint.reference-dropped', { identifier: entry.identifier }),
        file: entry.source.file,
        line: entry.source.startLine,
      });
      keys.set(key, entry);
      return;
    }
    // A well-known document's own title wins over a short label ("JSON") the spec gave it.
    const knownTitle = entry.identifier ? KNOWN_TITLES.get(entry.identifier) : undefined;
    if (knownTitle && (entry.title === undefined || entry.title.length < 12)) entry.title = knownTitle;
    if (normative && entry.identifier && !entry.title)
      lists.notices.push({
        rule: 'reference-untitled',
        message: msg('draft.lint.reference-untitled', { identifier: entry.identifier }),
        file: entry.source.file,
        line: entry.source.startLine,
      });
    keys.set(key, entry);
    (normative ? lists.normative : lists.informative).push(entry);
  };
  for (const block of listed) {
    for (const item of block.entries) {
      const text = clean(toString(item.node));
      const link = firstLink(item.node);
      if (!link && /[:：]$/.test(text)) continue;
      const source: Sourced = { ...item, kind: 'reference', scan: noScan() };
      const linkText = link ? toString(link) : '';
      const target = link ? identifyDocument(link.url, `${linkText} ${text}`) : undefined;
      const identifier = target?.kind === 'document' ? target.identifier : identifierInText(text);
      const afterLink = link
        ? clean(text.slice(text.indexOf(linkText) + linkText.length)).replace(/^[\s:：,—–-]+/, '')
        : '';
      const title =
        QUOTED.exec(text)?.[1] ??
        (afterLink && !/^https?:/.test(afterLink) ? afterLink : undefined) ??
        (link ? titleFromLinkText(linkText, identifier, link.url) : titleFromLinkText(text, identifier, ''));
      const edition = target?.kind === 'document' ? target.edition : undefined;
      const key = identifier
        ? `${identifier}${edition ? `@${edition}` : ''}`
        : target?.kind === 'document'
          ? target.key
          : text;
      add({ identifier, title, edition, url: link?.url, source }, key, true);
    }
  }
  const fromCited = (link: CitedLink, normative: boolean): void => {
    const target = identifyDocument(link.url, link.title);
    const start = link.link.position?.start.line ?? link.entry.startLine;
    const source: Sourced = {
      kind: 'reference',
      file: link.entry.file,
      startLine: start,
      endLine: link.link.position?.end.line ?? start,
      sourceText: `${link.title} <${link.url}>`,
      scan: noScan(),
      headingPath: link.entry.headingPath,
    };
    if (target.kind === 'not-a-document') {
      if (normative)
        lists.notices.push({
          rule: 'reference-not-document',
          message: msg('draft.lint.reference-not-document', { url: link.url }),
          file: source.file,
          line: start,
        });
      add(
        {
          identifier: undefined,
          title: titleFromLinkText(link.title, undefined, link.url),
          edition: undefined,
          url: link.url,
          source,
        },
        `url:${link.url}`,
        false,
      );
      return;
    }
    const entry = {
      identifier: target.identifier,
      title: titleFromLinkText(link.title, target.identifier, link.url),
      edition: target.edition,
      url: link.url,
      source,
    };
    // A bare URL names no document (no identifier, no title): it cannot be written as a reference, so it goes to
    // the Bibliography and the editor is told.
    if (normative && !entry.identifier && !entry.title) {
      lists.notices.push({
        rule: 'reference-unidentified',
        message: msg('draft.lint.reference-unidentified', { url: link.url }),
        file: source.file,
        line: start,
      });
      add(entry, target.key, false);
      return;
    }
    add(entry, target.key, normative);
  };
  for (const link of cited.normative) fromCited(link, true);
  for (const link of cited.informative) fromCited(link, false);
  return lists;
}
