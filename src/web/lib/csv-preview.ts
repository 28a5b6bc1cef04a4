/**
 * Parses the first rows of a CSV text for a preview (RFC 4180: quoted fields, doubled quotes,
 * CRLF, newlines inside quotes). The server parses the whole file; this only shows the start.
 */
export function parseCsvPreview(text: string, maxRows = 20): { headers: string[]; rows: string[][] } {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length && records.length <= maxRows; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field); field = '';
      if (record.some((x) => x !== '')) records.push(record);
      record = [];
    } else field += c;
  }
  if ((field !== '' || record.length) && records.length <= maxRows) { record.push(field); records.push(record); }
  const [headers = [], ...rows] = records;
  return { headers: headers.map((h) => h.trim()), rows: rows.slice(0, maxRows) };
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Suggests a field for each header by its key or label. */
export function suggestMapping(headers: string[], fields: { key: string; label: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  const used = new Set<string>();
  for (const h of headers) {
    const f = fields.find((x) => !used.has(x.key) && (norm(x.key) === norm(h) || norm(x.label) === norm(h)));
    if (f) { out[h] = f.key; used.add(f.key); }
  }
  return out;
}
