import type { NormalisedTouch } from './touchpoint.schema.js';

/**
 * The key that decides which part of a split batch a touch is written in (`write-in-parts.ts`),
 * chosen so that parts written concurrently never write the same rows:
 *
 * - a touch with an e-mail at a corporate domain: the domain (its people, and the account a new
 *   domain creates, belong to one part: the distribution key of a Citus-style deployment, by
 *   account, is the same cut);
 * - an e-mail at a free-mail domain (or with no domain): the whole e-mail (one person, no account);
 * - no e-mail: the person id, else the account id (such a touch creates no row but itself).
 *
 * The domain is read as the database reads it (`split_part(email, '@', 2)`); e-mails are
 * lower-cased by validation.
 */
export function partitionKey(t: NormalisedTouch, isFreeMail: (domain: string) => boolean): string {
  if (t.email !== null) {
    const at = t.email.indexOf('@');
    const end = at < 0 ? -1 : t.email.indexOf('@', at + 1);
    const domain = at < 0 ? '' : t.email.slice(at + 1, end < 0 ? undefined : end);
    return domain === '' || isFreeMail(domain) ? `e:${t.email}` : `d:${domain}`;
  }
  if (t.personId !== null) return `p:${t.personId}`;
  return `a:${t.accountId ?? ''}`;
}

/**
 * Splits a batch into at most `parts` parts by `partitionKey`, balanced by touch count (the
 * largest key first, each to the part holding the fewest touches so far). Touches that share a
 * key, or share an external id (a batch that repeats one: the parts would otherwise wait on each
 * other's unique-key entries, and the earliest of the repeats must be the one kept), land in one
 * part. Each part keeps the batch's order. Empty parts are left out: one part means "do not split".
 */
export function partitionTouches(touches: NormalisedTouch[], parts: number, isFreeMail: (domain: string) => boolean): NormalisedTouch[][] {
  if (parts < 2 || touches.length < 2) return touches.length ? [touches] : [];
  // Keys are numbered as they are met (an e-mail's key is worked out once per e-mail); a
  // union-find over the numbers joins the keys of touches that repeat an external id.
  const keyIds = new Map<string, number>();
  const keyOfEmail = new Map<string, number>();
  const parent: number[] = [];
  const find = (k: number): number => {
    let r = k;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[k] !== r) { const p = parent[k]!; parent[k] = r; k = p; }
    return r;
  };
  const idOf = (key: string): number => {
    let id = keyIds.get(key);
    if (id === undefined) { id = parent.length; keyIds.set(key, id); parent.push(id); }
    return id;
  };
  const keys = new Int32Array(touches.length);
  const keyOfExternal = new Map<string, number>();
  for (let i = 0; i < touches.length; i++) {
    const t = touches[i]!;
    let k: number | undefined;
    if (t.email !== null) {
      k = keyOfEmail.get(t.email);
      if (k === undefined) { k = idOf(partitionKey(t, isFreeMail)); keyOfEmail.set(t.email, k); }
    } else {
      k = idOf(partitionKey(t, isFreeMail));
    }
    keys[i] = k;
    const other = keyOfExternal.get(t.externalId);
    if (other === undefined) keyOfExternal.set(t.externalId, k);
    else if (other !== k) {
      const a = find(other), b = find(k);
      if (a !== b) parent[b] = a;
    }
  }
  const size = new Map<number, number>();
  for (let i = 0; i < keys.length; i++) { const r = find(keys[i]!); size.set(r, (size.get(r) ?? 0) + 1); }
  if (size.size < 2) return [touches];
  // Largest first; ties in the order the keys were met, so the same batch always splits the same way.
  const groups = [...size.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const n = Math.min(parts, groups.length);
  const load = new Array<number>(n).fill(0);
  const partOf = new Int32Array(parent.length);
  for (const [root, count] of groups) {
    let best = 0;
    for (let p = 1; p < n; p++) if (load[p]! < load[best]!) best = p;
    partOf[root] = best;
    load[best] = load[best]! + count;
  }
  const out: NormalisedTouch[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < touches.length; i++) out[partOf[find(keys[i]!)]!]!.push(touches[i]!);
  return out.filter((p) => p.length > 0);
}
