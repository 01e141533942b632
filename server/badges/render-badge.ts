// A flat two-part badge like the ones READMEs already carry:  [ maturity | Incubating ]
const COLOURS: Record<string, string> = {
  sandbox: '#6b7280',
  incubating: '#b45309',
  mature: '#15803d',
  'standard-candidate': '#1d4ed8',
};

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

// Verdana-ish widths: CJK characters are about twice as wide as Latin ones.
const textWidth = (text: string): number => [...text].reduce((w, c) => w + (/[\u2E80-\uFFFF]/.test(c) ? 12 : 7), 0);

/** The intrinsic size of a badge (the page's `<img>` carries it, so the badge is never stretched). */
export function badgeSize(label: string, value: string): { width: number; height: number } {
  return { width: textWidth(label) + 12 + textWidth(value) + 12, height: 20 };
}

/** The SVG of a badge with a label and a value, coloured by the level id (grey when unknown). */
export function renderBadge(label: string, value: string, level: string | null): string {
  const left = textWidth(label) + 12;
  const right = textWidth(value) + 12;
  const width = left + right;
  // Level ids are data: `constructor` or `toString` must fall back to grey, not to Object's members.
  const colour = level !== null && Object.hasOwn(COLOURS, level) ? COLOURS[level]! : '#9ca3af';
  const l = escapeXml(label);
  const v = escapeXml(value);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${l}: ${v}">` +
    `<title>${l}: ${v}</title>` +
    `<rect width="${left}" height="20" fill="#374151"/><rect x="${left}" width="${right}" height="20" fill="${colour}"/>` +
    `<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle">` +
    `<text x="${left / 2}" y="14">${l}</text><text x="${left + right / 2}" y="14">${v}</text></g></svg>`
  );
}
