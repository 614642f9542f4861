/**
 * CSV (RFC 4180) into rows of fields: quoted fields may hold commas, line breaks and doubled
 * quotes; rows end with CRLF or LF. A final line end does not make an empty row.
 */
export function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endRow = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = '';
  };
  for (let i = 0; i < csv.length; i += 1) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') endRow();
    else if (c === '\r' && csv[i + 1] === '\n') {
      endRow();
      i += 1;
    } else field += c;
  }
  if (field || row.length) endRow();
  return rows;
}
