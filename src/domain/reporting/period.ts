import { invalid } from '../shared/errors.js';

export type Period = { from: Date; to: Date; label: string };
const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The ISO week (Monday to Monday, UTC) holding `at`. */
export function weekOf(at: Date): Period {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const from = new Date(day - ((new Date(day).getUTCDay() + 6) % 7) * DAY);
  const to = new Date(from.getTime() + 7 * DAY);
  return { from, to, label: `week of ${iso(from)}` };
}

/**
 * A report card's period: `from`/`to` (dates, `to` exclusive) when given, else a named one
 * around now — `week` (the default), `month`, `quarter`, `year` — or `last_week`.
 */
export function cardPeriod(now: Date, q: { period?: string | undefined; from?: string | undefined; to?: string | undefined }): Period {
  if (q.from || q.to) {
    if (!q.from || !q.to) throw invalid('query.to', 'give both from and to, or neither');
    const from = new Date(`${q.from}T00:00:00Z`), to = new Date(`${q.to}T00:00:00Z`);
    if (!(from < to)) throw invalid('query.to', 'to must be after from');
    return { from, to, label: `${q.from} – ${iso(new Date(to.getTime() - DAY))}` };
  }
  const y = now.getUTCFullYear(), m = now.getUTCMonth();
  switch (q.period ?? 'week') {
    case 'last_week': { const w = weekOf(new Date(now.getTime() - 7 * DAY)); return w; }
    case 'month': return { from: new Date(Date.UTC(y, m, 1)), to: new Date(Date.UTC(y, m + 1, 1)), label: `${y}-${String(m + 1).padStart(2, '0')}` };
    case 'quarter': { const q0 = Math.floor(m / 3) * 3; return { from: new Date(Date.UTC(y, q0, 1)), to: new Date(Date.UTC(y, q0 + 3, 1)), label: `${y}-Q${q0 / 3 + 1}` }; }
    case 'year': return { from: new Date(Date.UTC(y, 0, 1)), to: new Date(Date.UTC(y + 1, 0, 1)), label: String(y) };
    default: return weekOf(now);
  }
}
