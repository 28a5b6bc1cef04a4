import { Anchor, Button, Group, Loader, Select, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { DIMENSIONS, MODEL_LABEL, MODELS, reportUrl, useAttributionReport, type DrillQuery, type ReportQuery } from '../../api/attribution';
import { formatMoney, formatNumber } from '../../lib/format';
import { humanize } from '../../lib/vocabulary';
import { ErrorAlert } from '../ErrorAlert';
import { DrillDrawer } from './DrillDrawer';

const CreditChart = lazy(() => import('./CreditChart').then((m) => ({ default: m.CreditChart })));
const modelOptions = MODELS.map((m) => ({ value: m, label: MODEL_LABEL[m]! }));

/** Credit by a dimension under one model and a second side by side: chart, table, drill-down, CSV. */
export function CreditReport() {
  const [query, setQuery] = useState<ReportQuery>({ dimension: 'channel', model: 'w_shaped', compare: 'linear', stage: 'pipeline' });
  const [drill, setDrill] = useState<{ q: DrillQuery; title: string } | null>(null);
  const q = useAttributionReport(query);
  const set = (patch: Partial<ReportQuery>) => setQuery((old) => ({ ...old, ...patch }));
  const currencies = [...new Set((q.data?.rows ?? []).map((r) => r.currency))];
  const currency = currencies.sort((a, b) => sum(q.data!.rows, b) - sum(q.data!.rows, a))[0] ?? 'USD';
  const rows = (q.data?.rows ?? []).filter((r) => r.currency === currency);
  const modelLabel = MODEL_LABEL[query.model]!;
  const compareLabel = query.compare ? MODEL_LABEL[query.compare] : undefined;
  return (
    <Stack gap="sm">
      <Group align="end" wrap="wrap">
        <Select label="By" data={DIMENSIONS.map((d) => ({ value: d, label: humanize(d) }))} value={query.dimension} onChange={(v) => v && set({ dimension: v })} allowDeselect={false} w={130} />
        <SegmentedControl aria-label="Pipeline or revenue" value={query.stage} onChange={(v) => set({ stage: v })} data={[{ value: 'pipeline', label: 'Pipeline' }, { value: 'revenue', label: 'Revenue' }]} />
        <Select label="Model" data={modelOptions} value={query.model} onChange={(v) => v && set({ model: v })} allowDeselect={false} w={200} />
        <Select label="Compare with" data={modelOptions} value={query.compare ?? null} onChange={(v) => set({ compare: v ?? undefined })} clearable w={200} placeholder="no second model" />
        <TextInput label="From month" type="month" value={query.from ?? ''} onChange={(e) => set({ from: e.currentTarget.value || undefined })} w={150} />
        <TextInput label="To month" type="month" value={query.to ?? ''} onChange={(e) => set({ to: e.currentTarget.value || undefined })} w={150} />
        <Anchor href={reportUrl(query, true)} size="sm">Export CSV</Anchor>
      </Group>
      <ErrorAlert error={q.error} />
      {q.isPending ? <Loader aria-label="Loading the report" /> : null}
      {q.data ? (
        <>
          <Text size="sm" c="dimmed">
            {q.data.totals.map((t) => `${formatNumber(t.deals)} deals worth ${formatMoney(t.amount, t.currency)}`).join('; ') || 'No credited deals in this period'}
            {q.data.unattributed.length ? ` · not credited (no touch in the window): ${q.data.unattributed.map((u) => `${u.deals} deals, ${formatMoney(u.amount, u.currency)}`).join('; ')}` : ''}
            {currencies.length > 1 ? ` · shown in ${currency}; also ${currencies.filter((c) => c !== currency).join(', ')} in the table below` : ''}
            {!q.data.dataDrivenFitted && (query.model === 'markov' || query.model === 'shapley') ? ' · the data-driven models are fitted by the next full recompute' : ''}
          </Text>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          {rows.length ? (
            <Suspense fallback={<Loader size="sm" aria-label="Loading the chart" />}>
              <CreditChart data={rows.slice(0, 20).map((r) => ({ label: query.dimension === 'channel' || query.dimension === 'side' ? humanize(r.label) : r.label, model: r.model.credit, compare: r.compare?.credit ?? 0 }))} currency={currency} modelLabel={modelLabel} compareLabel={compareLabel} />
            </Suspense>
          ) : <Text size="sm">No credit yet: run a recompute.</Text>}
          <Table striped highlightOnHover aria-label="Credit">
            <Table.Thead><Table.Tr>
              <Table.Th>{humanize(query.dimension)}</Table.Th><Table.Th>Currency</Table.Th><Table.Th>{modelLabel}</Table.Th><Table.Th>Deals</Table.Th>
              {compareLabel ? <><Table.Th>{compareLabel}</Table.Th><Table.Th>Deals</Table.Th></> : null}<Table.Th />
            </Table.Tr></Table.Thead>
            <Table.Tbody>
              {q.data.rows.map((r) => (
                <Table.Tr key={`${r.key}-${r.currency}`}>
                  <Table.Td>{query.dimension === 'channel' || query.dimension === 'side' ? humanize(r.label) : r.label}</Table.Td>
                  <Table.Td>{r.currency}</Table.Td>
                  <Table.Td>{formatMoney(r.model.credit, r.currency)}</Table.Td><Table.Td>{r.model.deals.toFixed(1)}</Table.Td>
                  {r.compare ? <><Table.Td>{formatMoney(r.compare.credit, r.currency)}</Table.Td><Table.Td>{r.compare.deals.toFixed(1)}</Table.Td></> : null}
                  <Table.Td>
                    {query.dimension !== 'month' ? (
                      <Button size="compact-xs" variant="subtle" onClick={() => setDrill({ title: r.label, q: { dimension: query.dimension, key: r.key, model: query.model, stage: query.stage, ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}) } })}>Touches</Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          </SimpleGrid>
          {Object.keys(q.data.flags).length ? (
            <Text size="xs" c="dimmed">Conditions in this period: {Object.entries(q.data.flags).map(([k, n]) => `${humanize(k)} (${n} deals)`).join(', ')}. See docs/attribution.md.</Text>
          ) : null}
        </>
      ) : null}
      <DrillDrawer query={drill?.q ?? null} title={drill?.title ?? ''} onClose={() => setDrill(null)} />
    </Stack>
  );
}

function sum(rows: { currency: string; model: { credit: number } }[], currency: string): number {
  return rows.filter((r) => r.currency === currency).reduce((s, r) => s + r.model.credit, 0);
}
