// A line break inside a Chinese (or Japanese) sentence is not a space: join CJK lines the way CommonMark-CJK
// renderers do (markdown-it-cjk-breaks). A rehype step, after remark-rehype and before the sanitiser.
//   before: "成熟度由镜像计算，取最高\n等级。"  →  <p>成熟度由镜像计算，取最高 等级。</p> (the browser shows a space)
//   after:  "成熟度由镜像计算，取最高\n等级。"  →  <p>成熟度由镜像计算，取最高等级。</p>
// A break between a CJK character and a Latin one stays a space ("使用\nGit" → "使用 Git"); code keeps its lines.
import type { Element, ElementContent, Root, Text } from 'hast';

// Wide characters: CJK punctuation, kana, ideographs (with extensions and compatibility forms), full-width forms.
const CJK =
  /[\u2E80-\u2FFF\u3000-\u303F\u3040-\u30FF\u3100-\u312F\u3190-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;
const KEEP = new Set(['pre', 'code', 'script', 'style', 'textarea']);

/** The text nodes under `node` in document order, code and preformatted text left out. */
function textNodes(node: Root | Element, out: Text[]): Text[] {
  for (const child of node.children as ElementContent[]) {
    if (child.type === 'text') out.push(child);
    else if (child.type === 'element' && !KEEP.has(child.tagName)) textNodes(child, out);
  }
  return out;
}

/** The rehype plugin: removes each line break (and the blanks around it) that stands between two CJK characters. */
export function rehypeJoinCjkLines() {
  return (tree: Root): void => {
    const texts = textNodes(tree, []);
    texts.forEach((node, i) => {
      if (!node.value.includes('\n')) return;
      // The characters on either side may sit in neighbouring nodes ("最高\n<strong>等级</strong>").
      const before = i > 0 ? (texts[i - 1]!.value.at(-1) ?? '') : '';
      const after = i + 1 < texts.length ? (texts[i + 1]!.value[0] ?? '') : '';
      const value = `${before}${node.value}${after}`;
      const joined = value.replace(/([^\n]?)[ \t]*\n[ \t]*(?=([^\n]?))/gu, (whole, a: string, b: string) =>
        a && b && CJK.test(a) && CJK.test(b) ? a : whole,
      );
      node.value = joined.slice(before.length, joined.length - after.length);
    });
  };
}
