import { BLOB_FACTS_VERSION, isMarkdownPath, type BlobFacts } from './blob-facts.ts';
import { readMarkdownFacts } from './count-bcp14.ts';
import { detectLicense } from './detect-license.ts';

// How a security policy says where to report: an address, a link to a form, or GitHub's private reporting.
const REPORTING =
  /[\w.+-]+@[\w-]+\.[\w.-]+|mailto:|security\/advisories|private vulnerability report|report (a |the )?vulnerabilit(y|ies) (to|at|via|by|through)|https?:\/\/\S*(security|report|vulnerab)|邮箱|邮件|报告漏洞|漏洞报告/i;

/** Reads every fact of one file's content (pure: the same bytes always give the same facts). */
export function readBlobFacts(content: string, path: string): BlobFacts {
  const lines = content.length === 0 ? 0 : content.split('\n').length - (content.endsWith('\n') ? 1 : 0);
  const markdown = isMarkdownPath(path)
    ? readMarkdownFacts(content)
    : { bcp14: { count: 0, byKeyword: {}, lines: [] }, boilerplate: null, headings: [], linkedItems: [] };
  const reporting = REPORTING.exec(content);
  return {
    lines,
    ...markdown,
    reportingLine: reporting ? content.slice(0, reporting.index).split('\n').length : null,
    license: detectLicense(content),
  };
}

/** The cache key of a blob's facts: the reader version, whether it was read as Markdown, and the blob id. */
export function blobFactsKey(blobSha: string, path: string): string {
  return `${BLOB_FACTS_VERSION}:${isMarkdownPath(path) ? 'md' : 'txt'}:${blobSha}`;
}
