import { Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useBacktest, type BacktestMetrics, type ScoringModel } from '../../api/scoring-models';
import { ErrorAlert } from '../ErrorAlert';

const BacktestChart = lazy(() => import('./BacktestChart').then((m) => ({ default: m.BacktestChart })));
const fmt = (n: number | null, digits = 2) => (n === null ? '—' : n.toFixed(digits));

/** Run a model over history and read it beside the live model. */
export function BacktestPanel({ model }: { model: ScoringModel }) {
  const run = useBacktest();
  const [cutoff, setCutoff] = useState('');
  const b = run.data;
  const rows: [string, (m: BacktestMetrics) => string][] = [
    ['ROC AUC', (m) => fmt(m.auc)], ['Lift in the top decile', (m) => fmt(m.topDecileLift, 1)], ['MQLs at the cutoff', (m) => String(m.mqlsAtCutoff)],
    ['Converters caught', (m) => `${m.convertersCaught} of ${b?.converters ?? 0}`], ['Customers caught', (m) => `${m.customersCaught} of ${b?.customers ?? 0}`],
  ];
  return (
    <Stack>
      <Group align="end">
        <label className="truce-date-field">Cutoff (default: 90 days ago)<input type="date" value={cutoff} onChange={(e) => setCutoff(e.currentTarget.value)} /></label>
        <Button onClick={() => run.mutate({ id: model.id, ...(cutoff ? { cutoff } : {}) })} loading={run.isPending}>Run back-test</Button>
      </Group>
      <ErrorAlert error={run.error} />
      {b ? (
        <>
          <Text size="sm" c="dimmed">{b.population.toLocaleString()} people known on {b.cutoff.slice(0, 10)} and not yet with sales; {b.converters} reached SQL within {b.horizonDays} days.</Text>
          <Table aria-label="Back-test results" withTableBorder>
            <Table.Thead><Table.Tr><Table.Th>Measure</Table.Th><Table.Th>v{b.model.version} (this model)</Table.Th>{b.live ? <Table.Th>v{b.live.version} (live)</Table.Th> : null}</Table.Tr></Table.Thead>
            <Table.Tbody>
              {rows.map(([label, f]) => (
                <Table.Tr key={label}><Table.Td>{label}</Table.Td><Table.Td>{f(b.model)}</Table.Td>{b.live ? <Table.Td>{f(b.live)}</Table.Td> : null}</Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Suspense fallback={<Loader size="sm" aria-label="Loading the chart" />}><BacktestChart b={b} /></Suspense>
        </>
      ) : null}
    </Stack>
  );
}
