import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import { STYLE } from './gbt-styles.ts';

/** The running foot of GB/T documents: the page number, centred, in the running style. */
export function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.running,
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT] })],
      }),
    ],
  });
}
