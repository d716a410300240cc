// A tiny HTML writer for documents rebuilt from files (PDF, DOCX). Everything taken from the file is
// text: it is escaped here and never becomes markup or an attribute other than the span counts we compute.

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface HtmlCell {
  text: string;
  rowspan?: number;
  colspan?: number;
}

export type HtmlBlock = { kind: 'p'; text: string } | { kind: 'table'; rows: HtmlCell[][] };

export function tableHtml(rows: readonly HtmlCell[][]): string {
  const out: string[] = ['<table>'];
  for (const row of rows) {
    out.push('<tr>');
    for (const c of row) {
      const rs = c.rowspan && c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : '';
      const cs = c.colspan && c.colspan > 1 ? ` colspan="${c.colspan}"` : '';
      out.push(`<td${rs}${cs}>${esc(c.text)}</td>`);
    }
    out.push('</tr>');
  }
  out.push('</table>');
  return out.join('');
}

/**
 * The title a rebuilt document shows: the line naming the report among its first lines, with the line
 * before it when the title was printed on two ("洪泽区人民政府" / "2023 年政府信息公开工作年度报告");
 * else its first line. A printed web page starts with the site's name: the report line still wins.
 */
export function guessTitle(blocks: readonly HtmlBlock[]): string {
  const paras = blocks
    .slice(0, 30)
    .filter((b): b is { kind: 'p'; text: string } => b.kind === 'p' && !!b.text.trim())
    .map((b) => b.text.trim());
  const i = paras.findIndex((t) => t.length <= 80 && /年度报告/.test(t));
  if (i < 0) return paras[0] ?? '';
  // A printed info table labels it ("名称：…年度报告").
  const line = paras[i]!.replace(/^(?:名\s*称|标\s*题|题\s*名)[:：]\s*/, '');
  const prev = paras[i - 1];
  if (prev && /^[\d０-９]/.test(line) && prev.length <= 30 && !/[。；]/.test(prev)) return prev + line;
  return line;
}

/** A whole document, its <title> guessed from its first lines. */
export function documentHtml(blocks: readonly HtmlBlock[], title?: string | null): string {
  const first = title ?? guessTitle(blocks);
  const body = blocks.map((b) => (b.kind === 'p' ? `<p>${esc(b.text)}</p>` : tableHtml(b.rows))).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(first.slice(0, 200))}</title></head><body>\n${body}\n</body></html>`;
}
