// Search over 10,000 generated documents (projects and pages, Chinese and English, Zipf-like vocabulary):
// query time p95 through the same tokenizer, scorer and snippets as /api/search.
import lunr from 'lunr';
import { buildIndex } from '../../server/search/build-index.ts';
import { compileIndex } from '../../server/search/compile-index.ts';
import { makeSnippet } from '../../server/search/make-snippet.ts';
import { queryIndex } from '../../server/search/query-index.ts';
import type { SearchDocument } from '../../server/search/search-document.ts';
import { searchPipeline } from '../../server/search/search-pipeline.ts';
import { tokenize } from '../../server/search/tokenize.ts';

const EN =
  'cloud data placement scheduling resolver identifier stream columnar format ledger anchor merkle model card device shadow telemetry logging pipeline kafka region edge conformance specification registry protocol schema validator release governance security gateway cache index query replication consensus storage network'.split(
    ' ',
  );
const ZH =
  '云计算 大数据 工业互联网 区块链 人工智能 物联网 标识解析 工作组 标准草案 一致性测试 开源社区 数据格式 边缘计算 设备影子 日志采集 隐私计算 可信存证 模型卡片 调度策略 元数据 互操作 参考实现 安全漏洞 版本发布'.split(
    ' ',
  );

// Deterministic pseudo-random numbers, so every run indexes the same corpus.
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const zipf = <T>(words: readonly T[]): T => words[Math.floor(words.length * rand() ** 2.5)]!;

/** Builds the corpus and index, then times `queries` queries; returns build time and latency percentiles. */
export function runSearchBenchmark(
  documents = 10_000,
  queries = 1_000,
): { buildMs: number; p50: number; p95: number; max: number } {
  const docs: SearchDocument[] = Array.from({ length: documents }, (_, i) => {
    const words = Array.from({ length: 40 }, () => (rand() < 0.5 ? zipf(EN) : zipf(ZH)));
    return {
      id: `d${i}`,
      type: i % 10 === 0 ? 'page' : 'project',
      lang: null,
      title: `${zipf(EN)}-${zipf(EN)}-${i} ${zipf(ZH)}`,
      url: `/p/${i}`,
      text: words.join(i % 2 ? ' ' : '，'),
      keywords: `${zipf(EN)} ${zipf(ZH)}`,
    };
  });
  searchPipeline();
  const started = performance.now();
  // As the portal does at start: load the persisted lunr index and compile it (a build compiles in its worker).
  const index = compileIndex(lunr.Index.load(JSON.parse(JSON.stringify(buildIndex(docs))) as object));
  const buildMs = performance.now() - started;
  const byId = new Map(docs.map((d) => [d.id, d]));
  const times: number[] = [];
  for (let i = 0; i < queries; i++) {
    const q = i % 3 === 0 ? zipf(ZH) : i % 3 === 1 ? `${zipf(EN)} ${zipf(EN)}` : `${zipf(ZH)} ${zipf(EN)}`;
    const t0 = performance.now();
    const terms = tokenize(q);
    for (const hit of queryIndex(index, terms, 20)) makeSnippet(byId.get(hit.ref)!.text, terms);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
  return { buildMs, p50: pct(50), p95: pct(95), max: times[times.length - 1]! };
}
