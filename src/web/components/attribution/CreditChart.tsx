import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../../lib/format';

export type CreditBar = { label: string; model: number; compare?: number };

/** Credit per key under one model (and a second beside it); the accessible name carries the figures. */
export function CreditChart({ data, currency, modelLabel, compareLabel }: { data: CreditBar[]; currency: string; modelLabel: string; compareLabel?: string | undefined }) {
  const described = data.map((b) => `${b.label} ${formatMoney(b.model, currency)}${compareLabel ? ` / ${formatMoney(b.compare ?? 0, currency)}` : ''}`).join(', ');
  return (
    <div role="img" aria-label={`Credit by ${modelLabel}${compareLabel ? ` and ${compareLabel}` : ''}: ${described}`} style={{ height: 300 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ left: 16, bottom: 40 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" angle={-30} textAnchor="end" interval={0} height={60} />
          <YAxis tickFormatter={(v: number) => formatMoney(v, currency)} width={96} />
          <Tooltip formatter={(v) => formatMoney(Number(v), currency)} />
          <Legend verticalAlign="top" />
          <Bar dataKey="model" name={modelLabel} fill="var(--mantine-color-blue-6)" />
          {compareLabel ? <Bar dataKey="compare" name={compareLabel} fill="var(--mantine-color-grape-5)" /> : null}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
