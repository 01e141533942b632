import type { ResolutionRow, ResolutionTable } from './resolution-table.ts';

export type ResolutionFormat = 'json' | 'csv' | 'md' | 'html';
export const RESOLUTION_FORMATS: readonly ResolutionFormat[] = ['json', 'csv', 'md', 'html'];

type Lang = 'zh' | 'en';

// The columns of GB/T practice's 意见汇总处理表, in its order, with the clause ID beside the number.
const COLUMNS: Record<Lang, string[]> = {
  zh: ['序号', '章条编号', '条款 ID', '提出单位', '意见内容', '修改建议', '处理意见', '理由', '所在修订版'],
  en: [
    'No.',
    'Clause',
    'Clause ID',
    'Organisation',
    'Comment',
    'Proposed change',
    'Disposition',
    'Reason',
    'Carried in',
  ],
};
const DISPOSITION: Record<Lang, Record<string, string>> = {
  zh: { accepted: '采纳', 'partially-accepted': '部分采纳', rejected: '不采纳', noted: '留作参考', open: '未处理' },
  en: {
    accepted: 'Accepted',
    'partially-accepted': 'Partially accepted',
    rejected: 'Rejected',
    noted: 'Noted',
    open: 'Not yet decided',
  },
};
const KIND: Record<Lang, Record<string, string>> = {
  zh: { editorial: '编辑性', technical: '技术性', general: '一般性' },
  en: { editorial: 'editorial', technical: 'technical', general: 'general' },
};
const TITLE: Record<Lang, (t: ResolutionTable) => string> = {
  zh: (t) => `${t.number}${t.rev} ${t.titleZh} 意见汇总处理表`,
  en: (t) => `${t.number}${t.rev} ${t.titleEn}: comment resolution table`,
};
const REMOVED: Record<Lang, (rev: string) => string> = {
  zh: (rev) => `（已在 ${rev} 删除）`,
  en: (rev) => ` (removed in ${rev})`,
};

const cells = (row: ResolutionRow, lang: Lang): string[] => [
  String(row.seq),
  row.removedIn ? `${row.clauseNumber}${REMOVED[lang](row.removedIn)}`.trim() : row.clauseNumber,
  row.clauseId,
  row.organisation,
  `[${KIND[lang][row.kind]}] ${row.comment}`,
  row.proposedChange,
  DISPOSITION[lang][row.disposition ?? 'open']!,
  row.reason,
  row.carriedIn ?? '',
];

// A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) starts with an apostrophe instead.
const csvCell = (text: string): string => {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
const mdCell = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The table as an HTML fragment (`<table>`, every cell escaped), for the page and the HTML download; clause numbers
 * link to `draftPath#<clause ID>` (the draft page of the revision).
 */
export function resolutionTableHtml(table: ResolutionTable, lang: Lang, draftPath = ''): string {
  const head = COLUMNS[lang].map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const body = table.rows
    .map((row) => {
      const [seq, clause, id, ...rest] = cells(row, lang).map(escapeHtml);
      const link = row.removedIn
        ? clause
        : `<a href="${escapeHtml(draftPath)}#${encodeURIComponent(row.clauseId)}">${clause}</a>`;
      return `<tr class="disposition-${row.disposition ?? 'open'}"><td>${seq}</td><td>${link}</td><td><code>${id}</code></td>${rest
        .map((c) => `<td>${c}</td>`)
        .join('')}</tr>`;
    })
    .join('\n');
  return `<table class="resolution-table">\n<caption>${escapeHtml(TITLE[lang](table))}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** Formats the resolution table for download: its body, media type and file name. */
export function formatResolution(
  table: ResolutionTable,
  format: ResolutionFormat,
  lang: Lang,
): { body: string; type: string; filename: string } {
  const filename = `${table.number}${table.rev}-resolution.${format}`;
  switch (format) {
    case 'json':
      return { body: JSON.stringify(table, null, 2), type: 'application/json; charset=utf-8', filename };
    case 'csv': {
      const lines = [COLUMNS[lang], ...table.rows.map((r) => cells(r, lang))].map((l) => l.map(csvCell).join(','));
      // The byte-order mark makes spreadsheet programs read the Chinese as UTF-8.
      return { body: `\uFEFF${lines.join('\r\n')}\r\n`, type: 'text/csv; charset=utf-8', filename };
    }
    case 'md': {
      const rule = `|${COLUMNS[lang].map(() => '---').join('|')}|`;
      const rows = table.rows.map((r) => `| ${cells(r, lang).map(mdCell).join(' | ')} |`);
      const body = [`# ${TITLE[lang](table)}`, '', `| ${COLUMNS[lang].join(' | ')} |`, rule, ...rows, ''].join('\n');
      return { body, type: 'text/markdown; charset=utf-8', filename };
    }
    case 'html': {
      const title = escapeHtml(TITLE[lang](table));
      const body = `<!doctype html>\n<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">\n<head><meta charset="utf-8"><title>${title}</title>\n<style>table{border-collapse:collapse}th,td{border:1px solid #444;padding:.3em .5em;vertical-align:top;white-space:pre-wrap}</style></head>\n<body>\n${resolutionTableHtml(table, lang)}\n</body>\n</html>\n`;
      return { body, type: 'text/html; charset=utf-8', filename };
    }
  }
}

/** The columns, cells and title every format shares; the Word file (content/publish/docx) lays out the same. */
export { COLUMNS as resolutionColumns, cells as resolutionCells, TITLE as resolutionTitle };
