import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { negotiateLanguage } from '../../server/i18n/negotiate-language.ts';
import { buildIndex } from '../../server/search/build-index.ts';
import { compileIndex } from '../../server/search/compile-index.ts';
import { makeSnippet } from '../../server/search/make-snippet.ts';
import { queryIndex } from '../../server/search/query-index.ts';
import { searchPipeline } from '../../server/search/search-pipeline.ts';
import { tokenize } from '../../server/search/tokenize.ts';

describe('language negotiation', () => {
  const negotiate = (query: unknown, cookie?: string, acceptLanguage?: string) =>
    negotiateLanguage({ query, cookie, acceptLanguage });
  it('takes ?lang= first, then the cookie, then Accept-Language by quality, then Chinese', () => {
    expect(negotiate('en', 'zh-CN', 'zh-CN')).toEqual({ lang: 'en', source: 'query' });
    expect(negotiate(undefined, 'en', 'zh-CN')).toEqual({ lang: 'en', source: 'cookie' });
    expect(negotiate('klingon', 'nonsense', 'fr;q=1, en-GB;q=0.8, zh-CN;q=0.9')).toEqual({
      lang: 'zh-CN',
      source: 'header',
    });
    expect(negotiate(undefined, undefined, 'en-US,en;q=0.9')).toEqual({ lang: 'en', source: 'header' });
    expect(negotiate(undefined, undefined, 'fr, de;q=0.5')).toEqual({ lang: 'zh-CN', source: 'default' });
    expect(negotiate(['en', 'zh'], undefined, undefined)).toEqual({ lang: 'zh-CN', source: 'default' });
  });
});

describe('bilingual search', () => {
  const docs = [
    {
      id: 'zh',
      type: 'page' as const,
      lang: 'zh-CN' as const,
      title: '工作组章程',
      url: '/a',
      text: '工作组负责起草标准草案，开源项目由此成为标准。',
      keywords: '',
    },
    {
      id: 'en',
      type: 'project' as const,
      lang: null,
      title: 'nimbus-placement',
      url: '/b',
      text: 'Declarative workload placements across clouds',
      keywords: 'scheduling',
    },
  ];
  searchPipeline();
  const index = lunr.Index.load(JSON.parse(JSON.stringify(buildIndex(docs))) as object);
  const find = (q: string) => queryIndex(index, tokenize(q)).map((h) => h.ref);

  it('segments Chinese with Intl.Segmenter and adds bigrams, so ICU cutting a short query differently still matches', () => {
    expect(tokenize('开源项目 Placement-API')).toEqual(['项目', 'placement', 'api', '开源', '源项', '项目']);
    expect(find('开源')).toEqual(['zh']);
    expect(find('工作组')).toEqual(['zh']);
    expect(find('标准草案')).toEqual(['zh']);
  });

  it('finds English with stemming and a prefix on the last word', () => {
    expect(find('placement')).toEqual(['en']);
    expect(find('cloud')).toEqual(['en']);
    expect(find('schedul')).toEqual(['en']);
    expect(find('区块链')).toEqual([]);
  });

  it('shows why queries must be tokenised: lunr alone finds nothing for a Chinese phrase', () => {
    expect(index.search('工作组')).toEqual([]);
  });

  it('keeps only the best hits, in the order a full ranking gives them', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      id: `d${String(i).padStart(2, '0')}`,
      type: 'project' as const,
      lang: null,
      title: `spec ${i}`,
      url: `/d${i}`,
      text: `${'placement '.repeat(1 + (i % 7))}cloud 开源项目`,
      keywords: '',
    }));
    const compiled = compileIndex(lunr.Index.load(JSON.parse(JSON.stringify(buildIndex(many))) as object));
    const all = queryIndex(compiled, tokenize('placement 开源'), 100);
    expect(all).toHaveLength(30);
    for (let i = 1; i < all.length; i += 1) expect(all[i - 1]!.score).toBeGreaterThanOrEqual(all[i]!.score);
    expect(queryIndex(compiled, tokenize('placement 开源'), 5)).toEqual(all.slice(0, 5));
    expect(queryIndex(compiled, tokenize('nothing'), 5)).toEqual([]);
  });

  it('cuts a snippet around the first hit with the hits marked', () => {
    expect(makeSnippet('工作组负责起草标准草案', tokenize('标准'))).toEqual([
      { text: '工作组负责起草', hit: false },
      { text: '标准', hit: true },
      { text: '草案', hit: false },
    ]);
  });
});
