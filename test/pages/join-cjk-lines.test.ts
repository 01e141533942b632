// Item 9 of issue 13: a line break inside a Chinese sentence must not become a space ("最高 等级").
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../content/render/render-markdown.ts';
import { renderModelMarkdown } from '../../sync/maturity/model/render-model-markdown.ts';
import { parseKnownModel, readDefaultModelSource } from '../../sync/maturity/model/load-active-model.ts';

const CJK_BREAK = /[\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFF60]\s*\n\s*[\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFF60]/u;
const outsideCode = (html: string) => html.replace(/<pre>[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>/g, 'CODE');

describe('Chinese lines in Markdown', () => {
  it('joins a break between two CJK characters, also across inline markup, and keeps every other break', () => {
    expect(renderMarkdown('成熟度由镜像计算，取最高\n等级。')).toBe('<p>成熟度由镜像计算，取最高等级。</p>');
    expect(renderMarkdown('取最高\n**等级**。')).toBe('<p>取最高<strong>等级</strong>。</p>');
    expect(renderMarkdown('句号。\n   下一句')).toBe('<p>句号。下一句</p>');
    // A break beside a Latin word is a space, as between two English words; code keeps its lines.
    expect(renderMarkdown('使用\nGit 管理')).toBe('<p>使用\nGit 管理</p>');
    expect(renderMarkdown('English\nlines stay')).toBe('<p>English\nlines stay</p>');
    expect(renderMarkdown('```\n中\n文\n```')).toBe('<pre><code>中\n文\n</code></pre>');
  });

  it('leaves no CJK line break in the Chinese site pages and the model page', () => {
    const dir = new URL('../../content/pages/', import.meta.url);
    const sources = readdirSync(dir)
      .filter((f) => f.endsWith('.zh-CN.md'))
      .map((f) => readFileSync(new URL(f, dir), 'utf8'));
    sources.push(renderModelMarkdown(parseKnownModel(readDefaultModelSource()).model, 'zh'));
    // The sources do break Chinese lines (that is what the step is for) ...
    expect(sources.some((s) => CJK_BREAK.test(s))).toBe(true);
    // ... and the pages show none of those breaks.
    for (const source of sources) expect(outsideCode(renderMarkdown(source))).not.toMatch(CJK_BREAK);
  });
});
