import { Card, Group, Loader, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useScoreboard, type MoneyRow } from '../../api/reporting';
import { formatMoney, formatNumber } from '../../lib/format';
import { humanize } from '../../lib/vocabulary';
import { ErrorAlert } from '../ErrorAlert';
import { useStageLabel } from '../../api/stage-labels';

// recharts is large: the chart loads after the figures.
const PipelineChart = lazy(() => import('./PipelineChart').then((m) => ({ default: m.PipelineChart })));

/** The currency holding the most open pipeline: figures are shown in it (no exchange rates are assumed). */
function mainCurrency(rows: MoneyRow[]): string {
  const byCurrency = new Map<string, number>();
  for (const r of rows) byCurrency.set(r.currency, (byCurrency.get(r.currency) ?? 0) + r.amount);
  return [...byCurrency.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'USD';
}

const total = (rows: MoneyRow[], currency: string) => rows.filter((r) => r.currency === currency).reduce((s, r) => ({ count: s.count + r.count, amount: s.amount + r.amount }), { count: 0, amount: 0 });

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>{label}</Text>
      <Text fz="xl" fw={700}>{value}</Text>
      {hint ? <Text size="xs" c="dimmed">{hint}</Text> : null}
    </Paper>
  );
}

/** The period's figures from the records the viewer may see: the same numbers as the API. */
export function Scoreboard() {
  const q = useScoreboard();
  const stageLabel = useStageLabel();
  if (q.isPending) return <Loader size="sm" aria-label="Loading the scoreboard" />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const s = q.data;
  const currency = mainCurrency([...s.openPipeline, ...s.won]);
  const open = total(s.openPipeline, currency);
  const won = total(s.won, currency);
  const created = total(s.created, currency);
  const others = [...new Set([...s.openPipeline, ...s.won, ...s.created].map((r) => r.currency))].filter((c) => c !== currency);
  const byStage = s.openPipeline.filter((r) => r.currency === currency).map((r) => ({ stage: humanize(r.stage), amount: r.amount, count: r.count }));
  const mqls = s.funnel?.find((f) => f.stage === 'mql')?.entered;
  return (
    <Card withBorder padding="md" component="section" aria-label="Scoreboard">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">Scoreboard · {s.period.label}</Title>
        {others.length ? <Text size="xs" c="dimmed">Figures in {currency}; also deals in {others.join(', ')}</Text> : null}
      </Group>
      <SimpleGrid cols={{ base: 2, md: 5 }} mb="md">
        <Stat label="Won" value={formatMoney(won.amount, currency)} hint={`${won.count} deals`} />
        <Stat label="Open pipeline" value={formatMoney(open.amount, currency)} hint={`${open.count} deals`} />
        <Stat label="Pipeline created" value={formatMoney(created.amount, currency)} hint={`${created.count} deals`} />
        <Stat label="Win rate" value={s.winRate === null ? '—' : `${Math.round(s.winRate * 100)} %`} hint="won ÷ closed, by count" />
        <Stat label={`Entered ${stageLabel('mql')}`} value={mqls === undefined ? '—' : formatNumber(mqls)} hint="people, this period" />
      </SimpleGrid>
      {byStage.length ? (
        <Suspense fallback={<Loader size="sm" aria-label="Loading the chart" />}><PipelineChart data={byStage} currency={currency} /></Suspense>
      ) : <Text size="sm" c="dimmed">No open pipeline.</Text>}
    </Card>
  );
}
