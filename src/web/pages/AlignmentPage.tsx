import { Button, Card, Group, Loader, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useAlignment, useAnswerSurvey } from '../api/goal';
import { ErrorAlert } from '../components/ErrorAlert';
import { pct, Stat } from '../components/reporting/CardParts';
import { useCan } from '../lib/permissions';
import { useTitle } from '../lib/use-title';

const one = (x: number | null) => (x === null ? '—' : x.toFixed(1));

/** The 20-statement alignment diagnostic: your answers, both teams' totals over time, and the same ideas from data. */
export function AlignmentPage() {
  useTitle('Alignment');
  const can = useCan();
  const q = useAlignment();
  const answer = useAnswerSurvey();
  const [ratings, setRatings] = useState<number[]>(Array(20).fill(3));
  useEffect(() => { if (q.data?.mine) setRatings(q.data.mine.ratings); }, [q.data?.mine]);
  if (q.isPending) return <Loader aria-label="Loading the diagnostic" />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const a = q.data;
  const s = a.signals;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">Sales and marketing alignment</Title>
      <Text size="sm" c="dimmed">Each member of sales and marketing rates the twenty statements from 1 (not at all) to 5 (fully). Totals: 20–39 undefined, 40–59 defined, 60–79 aligned, 80–100 integrated.</Text>
      <Table aria-label="Totals by quarter">
        <Table.Thead><Table.Tr><Table.Th>Quarter</Table.Th><Table.Th>Sales</Table.Th><Table.Th>Marketing</Table.Th><Table.Th>Gap (sales − marketing)</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {a.quarters.map((x) => (
            <Table.Tr key={x.quarter}><Table.Td>{x.quarter}</Table.Td>
              <Table.Td>{one(x.sales.total)} {x.sales.band ?? ''} ({x.sales.respondents})</Table.Td>
              <Table.Td>{one(x.marketing.total)} {x.marketing.band ?? ''} ({x.marketing.respondents})</Table.Td>
              <Table.Td>{one(x.gap)}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!a.quarters.length ? <Text size="sm" c="dimmed">Nobody has answered yet.</Text> : null}
      <Card withBorder>
        <Title order={2} size="h4">The same ideas, from the records (last {s.windowDays} days)</Title>
        <SimpleGrid cols={{ base: 2, md: 3 }} mt="sm">
          <Stat label="Forecast accuracy" value={pct(s.forecastAccuracy)} why={s.forecastAccuracy.why} />
          <Stat label="MQL acceptance" value={pct(s.mqlAcceptanceRate)} why={s.mqlAcceptanceRate.why} />
          <Stat label="SLA compliance" value={pct(s.slaCompliance)} why={s.slaCompliance.why} />
          <Stat label="Dispute rate" value={pct(s.disputeRate)} why={s.disputeRate.why} />
          <Stat label="Deals marketing influenced" value={pct(s.marketingInfluencedShare)} why={s.marketingInfluencedShare.why} />
          <Stat label="Feedback items" value="—" why={s.feedbackItems.why} />
        </SimpleGrid>
      </Card>
      {can('survey:answer') ? (
        <Card withBorder>
          <Title order={2} size="h4">Your answers this quarter{a.mine ? ` (total ${a.mine.total})` : ''}</Title>
          <Table aria-label="Statements">
            <Table.Tbody>
              {a.statements.map((text, i) => (
                <Table.Tr key={text}>
                  <Table.Td w={40}>{i + 1}</Table.Td><Table.Td>{text}</Table.Td>
                  <Table.Td><SegmentedControl size="xs" aria-label={`Rating for statement ${i + 1}`} value={String(ratings[i])} data={['1', '2', '3', '4', '5']}
                    onChange={(v) => setRatings(ratings.map((r, j) => (j === i ? Number(v) : r)))} /></Table.Td>
                  <Table.Td><Text size="xs" c="dimmed">{a.latest ? `sales ${one(a.latest.byStatement[i]!.sales)} · marketing ${one(a.latest.byStatement[i]!.marketing)}` : ''}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="end" mt="sm"><Text size="sm">Total {ratings.reduce((x, y) => x + y, 0)}</Text><Button onClick={() => answer.mutate(ratings)} loading={answer.isPending}>Save my answers</Button></Group>
          <ErrorAlert error={answer.error} />
        </Card>
      ) : null}
    </Stack>
  );
}
