/**
 * How well a score ranks people who later converted: ROC AUC (the probability that a random
 * converter outranks a random non-converter, ties counting half) and the lift of the top decile
 * (the conversion rate among the top 10 % by score ÷ the overall rate). Pure, O(n log n).
 */
export function rocAuc(scores: readonly number[], converted: readonly boolean[]): number | null {
  const n = scores.length;
  const positives = converted.filter(Boolean).length;
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0]);
  // Mann–Whitney U with average ranks for ties.
  let rankSumPositives = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && order[j + 1]![0] === order[i]![0]) j++;
    const averageRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (converted[order[k]![1]]) rankSumPositives += averageRank;
    i = j + 1;
  }
  return (rankSumPositives - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function topDecileLift(scores: readonly number[], converted: readonly boolean[]): number | null {
  const n = scores.length;
  const positives = converted.filter(Boolean).length;
  if (n === 0 || positives === 0) return null;
  const top = Math.max(1, Math.ceil(n / 10));
  const ranked = scores.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let hits = 0;
  for (let k = 0; k < top; k++) if (converted[ranked[k]![1]]) hits++;
  return hits / top / (positives / n);
}
