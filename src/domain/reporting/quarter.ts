/** The calendar quarter holding `at` (UTC): [from, to). */
export function quarterOf(at: Date): { from: Date; to: Date; label: string } {
  const y = at.getUTCFullYear();
  const q = Math.floor(at.getUTCMonth() / 3);
  return { from: new Date(Date.UTC(y, q * 3, 1)), to: new Date(Date.UTC(y, q * 3 + 3, 1)), label: `${y}-Q${q + 1}` };
}
