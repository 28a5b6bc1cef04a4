import { Card, Group, Loader, SegmentedControl, Stack, Switch, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useStageLabel } from '../api/stage-labels';
import { useWaterfall, type DrillParams, type FunnelFigures } from '../api/waterfall';
import { ErrorAlert } from '../components/ErrorAlert';
import { WaterfallDrawer } from '../components/reporting/WaterfallDrawer';
import { DASH } from '../lib/format';
import { useTitle } from '../lib/use-title';

const FunnelChart = lazy(() => import('../components/reporting/FunnelChart').then((m) => ({ default: m.FunnelChart })));
const BY = [
  { value: 'cohort', label: 'Cohort month' }, { value: 'source', label: 'Source' }, { value: 'channel', label: 'Channel' },
  { value: 'campaign', label: 'Campaign' }, { value: 'segment', label: 'Segment' }, { value: 'team', label: 'Team' },
];
const pct = (x: number | null) => (x === null ? DASH : `${Math.round(x * 100)} %`);
const days = (x: number | null) => (x === null ? DASH : `${x.toFixed(1)} d`);

/** One row of the cohort table: people passing each stage (click for the people), conversion to the next. */
function Row({ label, figures, drill }: { label: string; figures: FunnelFigures; drill: (stage: string, measure: DrillParams['measure']) => void }) {
  return (
    <Table.Tr>
      <Table.Td>{label}</Table.Td>
      {figures.stages.map((s) => (
        <Table.Td key={s.stage}>
          <UnstyledButton onClick={() => drill(s.stage, 'passed')} aria-label={`${label}: ${s.passed} passed ${s.stage}`} style={{ textDecoration: 'underline dotted' }}>{s.passed}</UnstyledButton>
          {s.skipped ? <Text span size="xs" c="dimmed"> ({s.skipped} skipped)</Text> : null}
          <Text size="xs" c="dimmed">{s.conversion === null ? '' : `→ ${pct(s.conversion)}`}</Text>
        </Table.Td>
      ))}
    </Table.Tr>
  );
}

/** The demand waterfall: a funnel chart, then a table per cohort (or source, channel…), every number drilling down to people. */
export function WaterfallPage() {
  useTitle('Waterfall');
  const [params, setParams] = useSearchParams();
  const by = params.get('by') ?? 'cohort';
  const [reentries, setReentries] = useState(false);
  const [drill, setDrill] = useState<{ params: DrillParams; title: string } | null>(null);
  const label = useStageLabel();
  const q = useWaterfall({ by });
  const pass = reentries ? 'reentries' : 'firstPass';
  const open = (key: string | undefined, name: string) => (stage: string, measure: DrillParams['measure']) =>
    setDrill({ params: { by, key, stage, measure, pass: reentries ? 'reentry' : 'first' }, title: `${name} · ${label(stage)} (${measure}${reentries ? ', re-entries' : ''})` });
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">Waterfall</Title>
        <SegmentedControl aria-label="Split by" value={by} onChange={(v) => setParams({ by: v }, { replace: true })} data={BY} />
      </Group>
      <Text size="sm" c="dimmed">
        People who started a pass through the funnel in the last 12 months, from the lifecycle history. A stage counts everyone who went past it
        (entered, or skipped on the way to a later one); conversion is to the next stage; velocity is days between entering one stage and the next.
        Re-entries (boomerangs back from nurture) are counted apart.
      </Text>
      <ErrorAlert error={q.error} />
      {q.isPending ? <Loader aria-label="Loading the waterfall" /> : q.data ? (
        <>
          <Card withBorder>
            <Suspense fallback={<Loader size="sm" />}><FunnelChart firstPass={q.data.total.firstPass} reentries={q.data.total.reentries} label={label} /></Suspense>
          </Card>
          <Switch label={`Show re-entries (${q.data.total.reentries.episodes} boomerangs) instead of first passes`} checked={reentries} onChange={(e) => setReentries(e.currentTarget.checked)} />
          <Table.ScrollContainer minWidth={900}>
            <Table striped aria-label="Waterfall by cohort">
              <Table.Thead><Table.Tr><Table.Th>{BY.find((b) => b.value === by)?.label}</Table.Th>{q.data.total.firstPass.stages.map((s) => <Table.Th key={s.stage}>{label(s.stage)}</Table.Th>)}</Table.Tr></Table.Thead>
              <Table.Tbody>
                {q.data.groups.map((g) => <Row key={g.key} label={g.label} figures={g[pass]} drill={open(g.key, g.label)} />)}
                <Row label="All" figures={q.data.total[pass]} drill={open(undefined, 'All')} />
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Title order={2} size="h4">Velocity (all, {reentries ? 're-entries' : 'first passes'})</Title>
          <Table aria-label="Velocity">
            <Table.Thead><Table.Tr><Table.Th>Step</Table.Th><Table.Th>Median</Table.Th><Table.Th>p90</Table.Th><Table.Th>People measured</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {q.data.total[pass].stages.slice(0, -1).map((s, i) => (
                <Table.Tr key={s.stage}>
                  <Table.Td>{label(s.stage)} → {label(q.data.total[pass].stages[i + 1]!.stage)}</Table.Td>
                  <Table.Td>{days(s.velocity.medianDays)}</Table.Td><Table.Td>{days(s.velocity.p90Days)}</Table.Td><Table.Td>{s.velocity.n}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
      <WaterfallDrawer params={drill?.params ?? null} title={drill?.title ?? ''} onClose={() => setDrill(null)} />
    </Stack>
  );
}
