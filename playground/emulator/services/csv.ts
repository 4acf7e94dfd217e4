/**
 * Utilities.parseCsv (https://developers.google.com/apps-script/reference/utilities/utilities#parseCsv(String,Char)):
 * RFC 4180 fields (quoted fields may hold delimiters, doubled quotes and line breaks), CRLF or LF
 * line ends, every value a string.
 */
export function parseCsv(csv: string, delimiter = ','): string[][] {
  const text = String(csv);
  const d = String(delimiter).charAt(0) || ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === d) {
      endField();
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      endRow();
      i += 2;
    } else if (c === '\n' || c === '\r') {
      endRow();
      i++;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length > 0 || quoted) endRow();
  return rows;
}
