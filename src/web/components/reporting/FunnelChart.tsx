import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FunnelFigures } from '../../api/waterfall';

/** People passing each stage (first passes), with the boomerangs beside them; the accessible name carries the figures. */
export function FunnelChart({ firstPass, reentries, label }: { firstPass: FunnelFigures; reentries: FunnelFigures; label: (stage: string) => string }) {
  const data = firstPass.stages.map((s, i) => ({ stage: label(s.stage), passed: s.passed, reentries: reentries.stages[i]!.passed }));
  return (
    <div role="img" aria-label={`Funnel: ${data.map((d) => `${d.stage} ${d.passed}`).join(', ')}`} style={{ height: 280 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="stage" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend verticalAlign="top" />
          <Bar dataKey="passed" name="First pass" fill="var(--mantine-color-blue-6)" />
          <Bar dataKey="reentries" name="Re-entries" fill="var(--mantine-color-orange-5)" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
