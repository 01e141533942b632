import type { Heading, Nodes, Paragraph, Parent, Root, RootContent, Text } from 'mdast';
import type { VFile } from 'vfile';
import { CLAUSE_ID_PATTERN } from '../../draft/clause-id.ts';

// The generator anchors blocks with pandoc's attribute syntax (content/draft/provenance-anchor.ts). Here the markers
// leave the text and become a `data-clause-id` on the block they anchor, which the sanitiser lets through only
// in the clause-ID pattern and rehype-clause-anchors turns into the element's `id` after sanitising.
//   `## 4 Frames {#c-234ede17f241}`        → <h2 data-clause-id="c-234ede17f241">4 Frames</h2>
//   `[]{#c-5e8663e1f4e7} A client shall …` → <p data-clause-id="c-5e8663e1f4e7">A client shall …</p>
//   `[]{#c-eaa157890f40}` before a table    → <table data-clause-id="c-eaa157890f40">
// A marker counts only when the draft's source holds it unescaped where the generator writes it (spec text with
// `{#c-…}` or `[]{#c-…}` in it is escaped or elsewhere) and names a clause of the manifest: the rest stays text.

const HEADING_MARKER = /[ \t]*\{#(c-[0-9a-f]{12}(?:-\d+)?)\}$/;
const SPAN_MARKER = /^\[\]\{#(c-[0-9a-f]{12}(?:-\d+)?)\}[ \t]?/;

/** Which clause IDs may become anchors (the manifest's) and which are already given (each is given once). */
export interface ClauseMarkerOptions {
  known: ReadonlySet<string>;
}

const tag = (node: Nodes, id: string): void => {
  node.data = { ...node.data, hProperties: { ...node.data?.hProperties, dataClauseId: id } };
};

/** The remark plugin. */
export function remarkClauseMarkers(options: ClauseMarkerOptions) {
  return (tree: Root, file: VFile): void => {
    const source = String(file.value);
    const given = new Set<string>();
    const accept = (id: string, start: number | undefined, marker: string): boolean => {
      if (!CLAUSE_ID_PATTERN.test(id) || !options.known.has(id) || given.has(id)) return false;
      if (start === undefined || source.slice(start, start + marker.length) !== marker) return false;
      given.add(id);
      return true;
    };

    const heading = (node: Heading): void => {
      const last = node.children.at(-1);
      if (last?.type !== 'text') return;
      const found = HEADING_MARKER.exec(last.value);
      const end = last.position?.end.offset;
      if (!found || end === undefined) return;
      const marker = `{#${found[1]!}}`;
      if (!accept(found[1]!, end - marker.length, marker)) return;
      last.value = last.value.slice(0, found.index);
      tag(node, found[1]!);
    };

    /** Strips a leading span marker from `paragraph`; the ID, or undefined when it holds none. */
    const spanOf = (paragraph: Paragraph): string | undefined => {
      const first = paragraph.children[0];
      if (first?.type !== 'text') return undefined;
      const found = SPAN_MARKER.exec(first.value);
      if (!found || !accept(found[1]!, first.position?.start.offset, `[]{#${found[1]!}}`)) return undefined;
      (first as Text).value = first.value.slice(found[0].length);
      if (first.value === '') paragraph.children.shift();
      return found[1]!;
    };

    const walk = (parent: Parent): void => {
      const children = parent.children as RootContent[];
      for (let i = 0; i < children.length; i++) {
        const node = children[i]!;
        if (node.type === 'heading') heading(node);
        else if (node.type === 'paragraph') {
          const id = spanOf(node);
          if (id === undefined) continue;
          const next = children[i + 1];
          if (node.children.length === 0 && next && (next.type === 'table' || next.type === 'code')) {
            // An anchor paragraph of its own stands for the table or code block after it.
            tag(next, id);
            children.splice(i, 1);
            i--;
          } else if (i === 0 && (parent.type === 'listItem' || parent.type === 'blockquote')) tag(parent as Nodes, id);
          else tag(node, id);
        }
        if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading') walk(node);
      }
    };
    walk(tree);
  };
}
