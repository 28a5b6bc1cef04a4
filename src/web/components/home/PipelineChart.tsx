import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../../lib/format';

/** Open pipeline by stage, as bars; the accessible name carries the same figures as text. */
export function PipelineChart({ data, currency }: { data: { stage: string; amount: number; count: number }[]; currency: string }) {
  return (
    <div role="img" aria-label={`Open pipeline by stage: ${data.map((b) => `${b.stage} ${formatMoney(b.amount, currency)}`).join(', ')}`} style={{ height: 220 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="stage" />
          <YAxis tickFormatter={(v: number) => formatMoney(v, currency)} width={90} />
          <Tooltip formatter={(v) => formatMoney(Number(v), currency)} />
          <Bar dataKey="amount" name="Open pipeline" fill="var(--mantine-color-blue-6)" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
