/** Legal-form words that say nothing about which company it is. */
const SUFFIXES = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'llc', 'llp', 'lp', 'ltd', 'limited', 'plc',
  'gmbh', 'ag', 'kg', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'oy', 'ab', 'as', 'aps', 'pty', 'kk', 'group', 'holdings', 'the',
]);

/** `ACME, Inc.` and `The Acme Corporation` both normalise to `acme`. */
export function normaliseCompanyName(name: string): string {
  const words = name
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim().split(' ')
    .filter((w) => w && !SUFFIXES.has(w));
  return words.join(' ');
}

/** The first word of a normalised name: candidates are fetched by it, then compared in full. */
export function nameStem(name: string): string {
  return normaliseCompanyName(name).split(' ')[0] ?? '';
}

export type AccountMatch = { accountId: string; via: 'record' | 'name'; confidence: number; detail: string };

/**
 * Lead-to-account matching by company name, when the e-mail domain found none: one account whose
 * normalised name equals the lead's is a match (0.85); the same name with a word more or less, 0.6;
 * two equally good candidates are no match (ambiguous), said as such.
 */
export function matchByName(companyName: string, candidates: Array<{ id: string; name: string }>): AccountMatch | { ambiguous: string[] } | null {
  const wanted = normaliseCompanyName(companyName);
  if (!wanted) return null;
  const scored = candidates.map((c) => {
    const n = normaliseCompanyName(c.name);
    if (n === wanted) return { c, confidence: 0.85 };
    const a = n.split(' '), b = wanted.split(' ');
    const [short, long] = a.length < b.length ? [a, b] : [b, a];
    if (long.length - short.length === 1 && short.every((w, i) => long[i] === w)) return { c, confidence: 0.6 };
    return { c, confidence: 0 };
  }).filter((s) => s.confidence > 0).sort((x, y) => y.confidence - x.confidence);
  if (scored.length === 0) return null;
  if (scored.length > 1 && scored[1]!.confidence === scored[0]!.confidence) return { ambiguous: scored.filter((s) => s.confidence === scored[0]!.confidence).map((s) => s.c.name) };
  const best = scored[0]!;
  return { accountId: best.c.id, via: 'name', confidence: best.confidence, detail: `company name “${companyName}” matches account “${best.c.name}”` };
}
