// The draft page's review controls, added to the stored draft HTML when a page is built (the stored HTML stays as
// generated, the same for the static site): in every clause's provenance popover a link to comment on that clause,
// and after the § control of each clause that has comments a link to them with their count.
//   <button … popovertarget="p-c-1f">§</button>  → …</button><a class="clause-comments" href="…?clause=c-1f#…">2</a>
//   <div popover="auto" id="p-c-1f" class="prov-pop"> → …<p class="prov-comment"><a href="…?clause=c-1f#new-comment">…

const POPOVER = /<div popover="auto" id="p-(c-[\w-]+)" class="prov-pop">/g;

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface DraftCommentsAnnotation {
  /** The revision's comments page (`/proposals/MP-2026-001/00/comments`). */
  commentsHref: string;
  /** Comments per clause ID of this revision. */
  counts: Readonly<Record<string, number>>;
  /** Whether the reader may comment now (else the popover links to the threads only, never to a form). */
  mayComment: boolean;
  /** "Comment on this clause", in the reader's language. */
  commentLabel: string;
  /** "2 comments on this clause", in the reader's language. */
  countLabel: (count: number) => string;
}

/** Adds the comment links to a draft page's HTML (clause IDs are of the clause-ID pattern, safe in a URL). */
export function annotateDraftComments(html: string, a: DraftCommentsAnnotation): string {
  const href = (id: string, hash: string) => escapeHtml(`${a.commentsHref}?clause=${id}${hash}`);
  let out = a.mayComment
    ? html.replace(
        POPOVER,
        (open, id: string) =>
          `${open}<p class="prov-comment"><a href="${href(id, '#new-comment')}">${escapeHtml(a.commentLabel)}</a></p>`,
      )
    : html;
  // Every insertion point first, then one pass: a draft is megabytes, and slicing it once per clause would copy it
  // once per clause.
  const inserts: [number, string][] = [];
  for (const [id, count] of Object.entries(a.counts)) {
    if (!/^c-[\w-]+$/.test(id) || count <= 0) continue;
    const button = out.indexOf(`popovertarget="p-${id}"`);
    const end = button < 0 ? -1 : out.indexOf('</button>', button);
    if (end < 0) continue;
    const link = `<a class="clause-comments" href="${href(id, '#threads-heading')}" aria-label="${escapeHtml(a.countLabel(count))}">${count}</a>`;
    inserts.push([end + '</button>'.length, link]);
  }
  if (inserts.length > 0) {
    inserts.sort((x, y) => x[0] - y[0]);
    const parts: string[] = [];
    let from = 0;
    for (const [at, link] of inserts) {
      parts.push(out.slice(from, at), link);
      from = at;
    }
    parts.push(out.slice(from));
    out = parts.join('');
  }
  return out;
}
