// Marks each figure of a rendered draft's HTML: a paragraph of one image (maybe inside a link), beside nothing but
// its provenance button. The pages centre a figure, and the print numbers it (图1 …) and sets its caption under it.
//   <p id="c-1f"><button class="prov-btn" …>§</button> <img src="…" alt="Flow"></p>
//     → <p id="c-1f" class="figure"><button class="prov-btn" …>§</button> <img src="…" alt="Flow"></p>

const FIGURE_PARAGRAPH =
  /<p((?: id="[^"]*")?)>((?:\s*<button class="prov-btn"[^>]*>[^<]*<\/button>)?\s*(?:<a\b[^>]*>\s*)?<img\b[^>]*>\s*(?:<\/a>\s*)?)<\/p>/g;

/** A marked figure: its id attribute (` id="…"` or empty) and its content. */
export const MARKED_FIGURE = String.raw`<p((?: id="[^"]*")?) class="figure">((?:(?!<\/p>)[\s\S])*)<\/p>`;

/** The HTML with every figure paragraph marked `class="figure"`. */
export const markFigures = (html: string): string =>
  html.indexOf('<img') < 0 ? html : html.replace(FIGURE_PARAGRAPH, '<p$1 class="figure">$2</p>');
