// Drafting stages of GB/T and ISO documents; the draft states its own stage (工作组讨论稿 / working draft).
const STAGE =
  /[（(]\s*(征求意见稿|送审稿|报批稿|讨论稿|工作组讨论稿|草案|草稿|Working Draft|Committee Draft|Draft International Standard)\s*[)）]/g;

/** A stage label found in a spec's text. */
export interface StageLabel {
  label: string;
  line: number;
}

/**
 * Finds drafting-stage labels written into a spec ("（征求意见稿）"): the draft's stage is set by the process, not
 * by the source, so each is reported.
 *
 * Before: `# 数据交换协议（征求意见稿）\n`   After: [{ label: '征求意见稿', line: 1 }]
 */
export function findStageLabels(text: string): StageLabel[] {
  if (!/[（(]/.test(text)) return [];
  const found: StageLabel[] = [];
  for (const match of text.matchAll(STAGE)) {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < match.index; i = text.indexOf('\n', i + 1)) line++;
    found.push({ label: match[1]!, line });
  }
  return found;
}

/** A title without its stage label. */
export function withoutStageLabel(title: string): string {
  return title.replace(STAGE, '').trim();
}
