// Issue 11, items 7 and 8 on a Chinese spec written by several people: glossed keywords (必须（MUST）), keywords the
// spec declares itself ("MUST/必须") used bare, 本规范, a stage label in the title, sentences cut on 。；！？.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftResult } from '../../content/draft/draft-types.ts';
import { draftFromGit } from '../../content/draft/git/draft-from-git.ts';
import { runGit } from '../../kernel/git/run-git.ts';
import { draft } from './run-draft-command.ts';
import { ALICE, BOB, CAROL, createFixtureRepo, type FixtureRepo } from './fixture-repo.ts';
import { CHINESE_V1 } from './fixtures/chinese-spec.ts';

const PATH = '规范/数据交换协议.md';
const lineOf = (needle: string): number => CHINESE_V1.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('a Chinese spec', () => {
  let repo: FixtureRepo;
  let result: DraftResult;

  beforeAll(async () => {
    repo = await createFixtureRepo();
    await repo.git('remote', 'add', 'origin', 'git@gitee.com:openstd/data-exchange.git');
    // Carol writes the conventions and terms, Alice the transport clauses, Bob a later fix.
    const [head, transport] = CHINESE_V1.split('## 4 传输');
    await repo.write(PATH, head!);
    await repo.commit(CAROL, '2024-03-01T10:00:00+08:00', '约定与术语');
    await repo.write(PATH, `${head}## 4 传输${transport!.replace('5 秒', '10 秒')}`);
    await repo.commit(ALICE, '2024-03-08T10:00:00+08:00', '传输');
    await repo.write(PATH, CHINESE_V1);
    await repo.commit(BOB, '2024-04-01T10:00:00+08:00', '握手时限改为 5 秒');
    result = await draftFromGit({
      runGit,
      repo: repo.dir,
      ref: 'main',
      sources: [{ path: PATH, role: 'clauses' }],
      permalinkBase: 'https://gitee.com',
      lang: 'zh',
      type: 'association',
      date: '2025-01-01',
      cwd: repo.dir,
    });
  });
  afterAll(() => repo.remove());

  it('8: writes a glossed keyword as one provision: 必须（MUST）→ 应, 应当（SHOULD）→ 宜, 不得（MUST NOT）→ 不应, 可以（MAY）→ 可', () => {
    expect(result.markdown).toContain(
      '发送方应对每个数据帧签名。接收方宜校验签名；校验失败时不应继续处理。发送方可压缩数据帧。',
    );
    expect(result.markdown).not.toMatch(/（(应|宜|可|不应)）|必须（|应当（|不得（|可以（/);
  });

  it('8: reads the keywords the spec declares and applies them to the whole spec; quoted ones stay mentions', () => {
    expect(result.markdown).toContain(
      '客户端应在连接建立后 5 秒内发送握手帧。服务器宜记录每次握手的结果。实现可支持批量发送。',
    );
    expect(result.markdown).toContain('报文头中的“必须”字段列出接收方不能忽略的扩展。报文体不宜超过 1.5 MB');
    // The declaration itself is the spec's conventions: replaced, and reported with what it declared.
    expect(result.markdown).not.toContain('按照 RFC 2119 的描述解释');
    expect(result.markdown).toContain('本文件中，"应"表示要求，"宜"表示推荐，"可"表示允许');
    const declared = result.lint.find((l) => l.rule === 'declared-keywords')!;
    expect(declared).toMatchObject({ path: PATH, line: lineOf('"MUST/必须"') });
    expect(declared.params.words).toBe('MUST/必须, MUST NOT/不得, SHOULD/应该, SHOULD NOT/不应该, MAY/可能');
  });

  it('7: registers one requirement per sentence, cut on 。；！？ (never in 1.5 or inside quotation marks)', () => {
    expect(result.manifest.requirements.map((r) => [r.id, r.form, r.text])).toEqual([
      ['R-4.1-1', 'shall', '发送方应对每个数据帧签名。'],
      ['R-4.1-2', 'should', '接收方宜校验签名；'],
      ['R-4.1-3', 'shall not', '校验失败时不应继续处理。'],
      ['R-4.1-4', 'may', '发送方可压缩数据帧。'],
      ['R-4.1-5', 'shall', '客户端应在连接建立后 5 秒内发送握手帧。'],
      ['R-4.1-6', 'should', '服务器宜记录每次握手的结果。'],
      ['R-4.1-7', 'may', '实现可支持批量发送。'],
      ['R-4.2-1', 'should not', '报文体不宜超过 1.5 MB，例如图片等大对象可以分块发送！'],
      ['R-4.2-2', 'shall', '接收方收到重复报文时应丢弃。'],
      ['R-4.2-3', 'shall', '发送方应使用 UTF-8 编码，参见 RFC 3629。'],
    ]);
    expect(result.markdown).toContain('| R-4.1-2 | 宜 | 4.1 | 接收方宜校验签名； |');
  });

  it('8: writes "本规范" as "本文件", reports the stage label, and reports in Chinese', () => {
    expect(result.markdown).toContain(
      '本文件规定了数据交换协议的报文格式和交互过程。本文件适用于跨组织的数据交换系统。',
    );
    expect(result.markdown).not.toMatch(/本规范|本标准/);
    expect(result.markdown).toContain('\n# 数据交换协议规范\n');
    expect(result.markdown).not.toContain('征求意见稿）');
    const stage = result.lint.find((l) => l.rule === 'stage-label')!;
    expect(stage).toMatchObject({ path: PATH, line: 1, params: { label: '征求意见稿' } });
    expect(stage.message).toContain('源文件中带有阶段标识“征求意见稿”');
    // Twice in the Overview; the third is in the conventions paragraph, which is replaced.
    expect(result.lint.find((l) => l.rule === 'self-reference')!.params).toEqual({ count: 2 });
    // Blame still attributes each line: Bob's fix is the last change of the handshake sentence.
    const handshake = result.manifest.clauses.find((c) => c.sourceText.startsWith('客户端必须'))!;
    expect(handshake.origin.lastChangedIn?.author).toBe(BOB.name);
    expect(handshake.origin.permalink).toContain('https://gitee.com/openstd/data-exchange/blob/');
  });

  it('8: writes the lint report in the language asked for (--lang)', async () => {
    const zh = await draft(
      ['--repo', repo.dir, '--ref', 'main', '--lang', 'zh', '--date', '2025-01-01', PATH],
      repo.dir,
    );
    expect(zh.stderr).toContain(`lint: ${PATH}:1 [stage-label] 源文件中带有阶段标识“征求意见稿”`);
    expect(zh.stderr).toContain('lint: [missing-committee-data] 未提供提出单位（proposer）');
    const en = await draft(
      ['--repo', repo.dir, '--ref', 'main', '--lang', 'en', '--date', '2025-01-01', PATH],
      repo.dir,
    );
    expect(en.stderr).toContain(`lint: ${PATH}:1 [stage-label] The source carries the stage label "征求意见稿"`);
    expect(en.stdout).toContain('## Foreword');
  });
});
