import { TextRun, type IRunOptions } from 'docx';
import { xmlSafeText } from './xml-safe-text.ts';

/** A run of text, with the characters XML cannot hold taken out (the `docx` package escapes the rest). */
export function textRun(text: string, options: Omit<IRunOptions, 'text' | 'children'> = {}): TextRun {
  return new TextRun({ ...options, text: xmlSafeText(text) });
}
