import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { PARSE_CHUNK_CHARS } from './draft-limits.ts';
import { frontMatterEnd } from './front-matter-end.ts';
import { parseInChunks } from './parse-in-chunks.ts';
import { remarkGfmLean } from './remark-gfm-lean.ts';
import { remarkSeedDefinitions, type DefinedLabels } from './remark-seed-definitions.ts';

// Frozen once: building a processor is cheap but not free, and it holds no state between parses. Front matter
// is looked for only when the file has a closing fence (see `frontMatterEnd`).
const withoutFrontMatter = unified().use(remarkParse).use(remarkGfm).use(remarkGfmLean).freeze();
const withFrontMatter = withoutFrontMatter().use(remarkFrontmatter, ['yaml', 'toml']).freeze();

/** How a text is parsed; the default suits every caller, tests pick small pieces to exercise the cutting. */
export interface ParseOptions {
  /** Texts longer than this are parsed in pieces of about this many characters (`parseInChunks`). */
  chunkChars?: number;
}

/**
 * Parses a spec file (CommonMark + GFM without autolink literals + front matter) into mdast with positions.
 * Large files are parsed in pieces cut between top-level blocks, with the same result, in time linear in
 * their length.
 */
export function parseMarkdown(text: string, options: ParseOptions = {}): Root {
  const chunkChars = options.chunkChars ?? PARSE_CHUNK_CHARS;
  const parser = frontMatterEnd(text) > 0 ? withFrontMatter : withoutFrontMatter;
  if (text.length <= chunkChars) return parser.parse(text);
  let labelsOf: DefinedLabels | undefined;
  let seeded = parser;
  return parseInChunks(text, chunkChars, (piece, labels) => {
    if (labels !== labelsOf) {
      seeded = parser().use(remarkSeedDefinitions, labels).freeze();
      labelsOf = labels;
    }
    return seeded.parse(piece);
  });
}
