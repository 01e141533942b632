import type { DraftLang, DraftResult } from '../../../content/draft/draft-types.ts';
import { generateDraft } from '../../../content/draft/generate-draft.ts';
import type { RevisionDocxMeta } from '../../../content/publish/docx/revision-docx-meta.ts';
import { makeInput } from '../../draft/make-input.ts';

// Specs that exercise every element the Word layout knows: an introduction, terms, numbered clauses with
// subclauses, a requirement, a note, an example, a captioned table, a code block, lists, hostile text, a normative
// and an informative annex (and the generator adds the conformance checklist and the traceability annex).

/** The English spec. */
export const EN_SPEC = `# Widget Protocol

## Introduction

Widgets move between peers.

## Terminology

### Widget

A unit of transfer between peers.

### Peer

An endpoint that sends or receives widgets.

## Wire format

### Frames

A client MUST send a frame header first. Hostile text: <script>alert(1)</script> & "quotes" ]]> 'apostrophes'.

Note: frames may be split.

Example: HEADER 01 02

Table 1 Frame fields

| Field | Type |
| ----- | ---- |
| id | string |
| len | integer |

\`\`\`json
{ "id": "a&b<c>",
  "len": 2 }
\`\`\`

- first item
- second item
  1. nested step

### Streams

A server SHOULD close idle streams. See [the frames](#frames) and [RFC 9000](https://www.rfc-editor.org/rfc/rfc9000).
`;

/** The Chinese spec (laid out as Chinese community specs are, as test/draft/chinese-spec.test.ts does). */
export const ZH_SPEC = `# 数据交换协议规范

## 概述

本规范规定了数据交换协议的报文格式和交互过程。

## 术语

### 数据帧

数据交换的基本单元，由帧头和载荷组成。

### 会话

发送方与接收方之间的一次连续交互。

## 传输

### 连接

发送方必须（MUST）对每个数据帧签名。危险文本：<script>alert(1)</script> & “引号”。

注：签名算法由双方约定。

示例：SIGN(帧头, 载荷)

表1 帧字段

| 字段 | 类型 |
| ---- | ---- |
| id | 字符串 |
| len | 整数 |

\`\`\`text
帧头 := 版本 长度
\`\`\`

- 第一项
- 第二项

### 报文

接收方收到重复报文时必须（MUST）丢弃。
`;

/** A normative annex (a schema), shared by both drafts. */
export const SCHEMA_ANNEX = `# Schema

The schema of a frame.

## Fields

Every field MUST be typed.

## Types

Types are strings or integers.
`;

/** An informative annex. */
export const PRIMER_ANNEX = `# Primer

A gentle primer.
`;

/** A draft made by the draft generator from the spec of `lang`; `uncaptioned` leaves out its table's caption. */
export function makeDraft(lang: DraftLang, uncaptioned = false): DraftResult {
  const spec = lang === 'zh' ? ZH_SPEC : EN_SPEC;
  const text = uncaptioned ? spec.replace(/^(?:表1 帧字段|Table 1 Frame fields)\n\n/m, '') : spec;
  return generateDraft(
    makeInput(
      [
        { path: lang === 'zh' ? '规范/协议.md' : 'spec.md', text },
        { path: 'schema.md', text: SCHEMA_ANNEX, role: 'normative-annex' },
        { path: 'primer.md', text: PRIMER_ANNEX, role: 'informative-annex' },
      ],
      {
        lang,
        titleZh: '数据交换协议',
        titleEn: lang === 'zh' ? 'Data exchange protocol' : 'Widget Protocol',
        committee: { ics: '35.240.60', ccs: 'L67' },
      },
    ),
  );
}

/** The portal's data for a revision at public comment. */
export function makeMeta(lang: DraftLang): RevisionDocxMeta {
  return {
    proposal: 'MP-2026-001',
    revision: 'MP-2026-001-02',
    stage: { zh: '征求意见稿', en: 'Draft for comment' },
    lang,
  };
}
