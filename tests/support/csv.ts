// The one CSV reader of the tests: RFC 4180 (quoted cells, doubled quotes, CRLF rows), enough to read our own
// exports as Excel would see them — a grid. A UTF-8 BOM, if any, is the caller's to strip (tests assert it).
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  // A last row without its CRLF.
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
