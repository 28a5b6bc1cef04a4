import { Badge, Button, Card, Group, Loader, NumberInput, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useCommitGoal, useGoalBoard, useSetGoal } from '../api/goal';
import { ErrorAlert } from '../components/ErrorAlert';
import { monies, num, pct, Stat } from '../components/reporting/CardParts';
import { formatDate, formatMoney } from '../lib/format';
import { useCan } from '../lib/permissions';
import { useTitle } from '../lib/use-title';

/** One revenue goal both teams commit to; this quarter beside the next four. */
export function GoalPage() {
  useTitle('Shared goal');
  const can = useCan();
  const q = useGoalBoard();
  const set = useSetGoal();
  const commit = useCommitGoal();
  const [form, setForm] = useState({ startsOn: '', endsOn: '', amount: 0 as number | string, currency: 'USD' });
  if (q.isPending) return <Loader aria-label="Loading the goal" />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const b = q.data;
  const g = b.goal;
  const t = b.thisQuarter;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">One goal, two horizons</Title>
      <Card withBorder>
        <Group justify="space-between">
          <Title order={2} size="h4">{g ? `Revenue goal ${formatMoney(g.amount, g.currency)} · ${g.startsOn} – ${g.endsOn}` : 'No shared revenue goal for today'}</Title>
          {g ? (
            <Group gap="xs">
              <Badge color={g.salesCommittedAt ? 'green' : 'gray'}>{g.salesCommittedAt ? `Sales committed ${formatDate(g.salesCommittedAt)}` : 'Sales not committed'}</Badge>
              <Badge color={g.marketingCommittedAt ? 'green' : 'gray'}>{g.marketingCommittedAt ? `Marketing committed ${formatDate(g.marketingCommittedAt)}` : 'Marketing not committed'}</Badge>
              {can('goals:write') ? <Button size="xs" onClick={() => commit.mutate(g.id)} loading={commit.isPending}>Commit my side</Button> : null}
            </Group>
          ) : null}
        </Group>
        <SimpleGrid cols={{ base: 2, md: 5 }} mt="sm">
          <Stat label="Won" value={b.progress.won.value === null ? '—' : formatMoney(b.progress.won.value, g?.currency)} why={b.progress.won.why} />
          <Stat label="Progress" value={pct(b.progress.share)} why={b.progress.share.why} />
          <Stat label="Still to win" value={b.progress.remaining.value === null ? '—' : formatMoney(b.progress.remaining.value, g?.currency)} why={b.progress.remaining.why} />
          <Stat label="Covering pipeline" value={b.progress.coveringPipeline.value === null ? '—' : formatMoney(b.progress.coveringPipeline.value, g?.currency)} why={b.progress.coveringPipeline.why} hint="open, closing before the goal ends" />
          <Stat label="Coverage" value={num(b.progress.coverage, 1, '×')} why={b.progress.coverage.why} />
        </SimpleGrid>
        {can('goals:write') ? (
          <Group align="end" mt="sm">
            <TextInput label="From" type="date" value={form.startsOn} onChange={(e) => setForm({ ...form, startsOn: e.currentTarget.value })} />
            <TextInput label="To (last day)" type="date" value={form.endsOn} onChange={(e) => setForm({ ...form, endsOn: e.currentTarget.value })} />
            <NumberInput label="Goal" min={0} value={form.amount} onChange={(amount) => setForm({ ...form, amount })} />
            <TextInput label="Currency" w={90} value={form.currency} onChange={(e) => setForm({ ...form, currency: e.currentTarget.value.toUpperCase() })} />
            <Button variant="default" disabled={!form.startsOn || !form.endsOn} onClick={() => set.mutate({ ...form, amount: Number(form.amount) })}>Set goal</Button>
          </Group>
        ) : null}
        <ErrorAlert error={set.error ?? commit.error} />
      </Card>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Title order={2} size="h4">This quarter · {t.quarter}</Title>
          <SimpleGrid cols={2} mt="sm">
            <Stat label="Won" value={monies(t.won)} />
            <Stat label="Weighted forecast" value={monies(t.weighted)} hint="won + open × stage probability" />
            <Stat label="Commit" value={monies(t.commit)} hint="won + negotiation" />
            <Stat label="Best case" value={monies(t.bestCase)} hint="won + every open deal closing this quarter" />
          </SimpleGrid>
          <Text fw={600} mt="md" size="sm">Forecast accuracy, past quarters</Text>
          {t.accuracy.length ? (
            <Table aria-label="Forecast accuracy"><Table.Tbody>{t.accuracy.map((a) => (
              <Table.Tr key={`${a.quarter}-${a.currency}`}><Table.Td>{a.quarter}</Table.Td><Table.Td>forecast {formatMoney(a.forecast, a.currency)}</Table.Td><Table.Td>won {formatMoney(a.won, a.currency)}</Table.Td><Table.Td>{pct(a.accuracy)}</Table.Td></Table.Tr>
            ))}</Table.Tbody></Table>
          ) : <Text size="sm" c="orange.8">{t.accuracyWhy}</Text>}
        </Card>
        <Card withBorder>
          <Title order={2} size="h4">The next four quarters</Title>
          <Table mt="sm" aria-label="Pipeline by expected close quarter">
            <Table.Thead><Table.Tr><Table.Th>Expected close</Table.Th><Table.Th>Open pipeline</Table.Th><Table.Th>Deals</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {b.nextFour.pipelineByQuarter.map((p) => <Table.Tr key={p.quarter}><Table.Td>{p.quarter}</Table.Td><Table.Td>{monies(p.rows)}</Table.Td><Table.Td>{p.rows.reduce((n, r) => n + r.count, 0)}</Table.Td></Table.Tr>)}
              <Table.Tr><Table.Td>No close date</Table.Td><Table.Td>{monies(b.nextFour.pipelineWithoutCloseDate)}</Table.Td><Table.Td>{b.nextFour.pipelineWithoutCloseDate.reduce((n, r) => n + r.count, 0)}</Table.Td></Table.Tr>
            </Table.Tbody>
          </Table>
          <Text fw={600} mt="md" size="sm">Nurture pool by score grade</Text>
          <Group gap={4}>{b.nextFour.nurtureByGrade.map((n) => <Badge key={n.grade} variant="light">{n.grade}: {n.people}</Badge>)}</Group>
          <Text fw={600} mt="md" size="sm">Whitespace: {b.nextFour.whitespace.accounts} accounts ({b.nextFour.whitespace.customers} customers, {b.nextFour.whitespace.sites} sites) with no open deal</Text>
          <Text size="xs" c="dimmed">{b.nextFour.whitespace.note}</Text>
          <Table aria-label="Whitespace accounts"><Table.Tbody>{b.nextFour.whitespace.top.map((w) => (
            <Table.Tr key={w.id}><Table.Td>{w.name}</Table.Td><Table.Td>{w.customer ? 'customer' : 'prospect'}</Table.Td><Table.Td>{w.people} people</Table.Td><Table.Td>{w.touches90d} touches (90 d)</Table.Td></Table.Tr>
          ))}</Table.Tbody></Table>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
