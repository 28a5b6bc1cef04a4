/**
 * Reads the first rows of a CSV text for a preview (RFC 4180): comma-separated, fields in double
 * quotes may hold commas, line breaks and doubled quotes (""), records end with LF, CRLF or CR,
 * a leading byte-order mark is dropped and empty lines are skipped, as the server's parser does.
 * The server parses the whole file; this only shows its start. Pure: no DOM, runs in node tests.
 */
export type CsvPreview = { headers: string[]; rows: string[][] };

export function parseCsvPreview(text: string, maxRows = 20): CsvPreview {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let touched = false; // the current line has any character (so it is not an empty line)
  const endRecord = () => {
    record.push(field);
    if (touched) records.push(record);
    record = []; field = ''; touched = false;
  };
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length && records.length <= maxRows; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      continue;
    }
    if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      continue;
    }
    touched = true;
    if (c === ',') { record.push(field); field = ''; } else if (c === '"' && field === '') quoted = true; else field += c;
  }
  if (touched && records.length <= maxRows) endRecord();
  const [headers = [], ...rows] = records;
  return { headers: headers.map((h) => h.trim()), rows: rows.slice(0, maxRows) };
}

/** 'E-Mail Address' → 'emailaddress': what two names must share to match. */
export const normaliseName = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');

/**
 * Suggests a field for each header whose normalised name equals a field's key, label or one of its
 * aliases (keys and labels win over aliases); each field is used once. Unmatched headers are left out.
 */
export function suggestMapping(headers: string[], fields: { key: string; label: string; aliases?: string[] }[]): Record<string, string> {
  const index = new Map<string, string>();
  for (const f of fields) for (const name of [f.key, f.label]) if (!index.has(normaliseName(name))) index.set(normaliseName(name), f.key);
  for (const f of fields) for (const name of f.aliases ?? []) if (!index.has(normaliseName(name))) index.set(normaliseName(name), f.key);
  const out: Record<string, string> = {};
  const used = new Set<string>();
  for (const h of headers) {
    const key = index.get(normaliseName(h));
    if (key && !used.has(key)) { out[h] = key; used.add(key); }
  }
  return out;
}
