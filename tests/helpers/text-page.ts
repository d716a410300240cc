// A flattened text dump (a seed, a PDF's text layer) as a saved HTML page, so the HTML paths can be run on
// real reports' words: lines with "|" become table rows (a run of them one table), other lines paragraphs,
// the first line the <title>. Used by the fast-path equivalence test; expectations come from comparing the
// two HTML paths with each other, not from this page.
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function textPage(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const out: string[] = [];
  let inTable = false;
  for (const line of lines) {
    if (line.includes('|')) {
      if (!inTable) out.push('<table border="1">');
      inTable = true;
      out.push(
        `<tr>${line
          .split('|')
          .map((c) => `<td>${esc(c.trim())}</td>`)
          .join('')}</tr>`,
      );
      continue;
    }
    if (inTable) out.push('</table>');
    inTable = false;
    out.push(`<p>${esc(line)}</p>`);
  }
  if (inTable) out.push('</table>');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(lines[0] ?? '')}</title></head><body>\n${out.join('\n')}\n</body></html>`;
}
