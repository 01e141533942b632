import type { NoteInput } from './note-input.ts';
import { inlineText } from './note-markdown.ts';
import type { NoteWording } from './note-wording.ts';

/** 一、工作简况: where the task came from, the steps so far with their dates, and who drafts. */
export function workSummary(input: NoteInput, w: NoteWording): string[] {
  const unit = input.proposingUnit.trim() || input.project;
  const events = [...input.events].sort((a, b) => a.at.localeCompare(b.at));
  const names = (list: readonly string[]) => (list.length > 0 ? list.map(inlineText).join(w.sep) : w.toBeGiven);
  return [
    `## ${w.headings.work}`,
    '',
    `### ${w.headings.taskSource}`,
    '',
    w.taskSource(inlineText(unit), inlineText(input.project), input.number),
    '',
    ...(input.rationale.trim() ? [`${w.rationale}${inlineText(input.rationale)}`, ''] : []),
    `### ${w.headings.process}`,
    '',
    ...(events.length === 0
      ? [w.noEvents]
      : events.map((e) => {
          const move = e.to === null ? null : w.move(e.from, e.to);
          const line = w.event(e.at.slice(0, 10), inlineText(e.actor), inlineText(e.name), move);
          return `- ${line}${e.comment.trim() ? `${w.comment}${inlineText(e.comment)}` : ''}`;
        })),
    '',
    `### ${w.headings.drafters}`,
    '',
    `- ${w.proposingUnit}${input.proposingUnit.trim() ? inlineText(input.proposingUnit) : w.toBeGiven}`,
    `- ${w.draftingUnits}${names(input.draftingUnits)}`,
    `- ${w.drafterNames}${names(input.drafters)}`,
    '',
  ];
}
