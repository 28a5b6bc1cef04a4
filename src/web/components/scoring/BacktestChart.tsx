import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Backtest } from '../../api/scoring-models';

/** MQLs per month, the model against the live one; the accessible name reads the same numbers. */
export function BacktestChart({ b }: { b: Backtest }) {
  const data = b.model.mqlsPerMonth.map((m, i) => ({ month: m.month, model: m.mqls, live: b.live?.mqlsPerMonth[i]?.mqls ?? 0 }));
  const label = data.map((d) => `${d.month}: v${b.model.version} ${d.model}${b.live ? `, live ${d.live}` : ''}`).join('; ');
  return (
    <div role="img" aria-label={`MQLs per month — ${label}`} style={{ height: 240 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar dataKey="model" name={`v${b.model.version} (this model)`} fill="var(--mantine-color-grape-6)" />
          {b.live ? <Bar dataKey="live" name={`v${b.live.version} (live)`} fill="var(--mantine-color-gray-5)" /> : null}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
