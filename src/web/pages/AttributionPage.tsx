import { Button, Group, Progress, Stack, Tabs, Text, Title } from '@mantine/core';
import { useLatestRun, useRecompute } from '../api/attribution';
import { CreditReport } from '../components/attribution/CreditReport';
import { DisputesPanel } from '../components/attribution/DisputesPanel';
import { SettingsPanel } from '../components/attribution/SettingsPanel';
import { SourcedTable } from '../components/attribution/SourcedTable';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDateTime } from '../lib/format';
import { useCan } from '../lib/permissions';
import { useTitle } from '../lib/use-title';

/** Who gets credit: the report with two models side by side, sourced and influenced, disputes. */
export function AttributionPage() {
  useTitle('Attribution');
  const can = useCan();
  const recompute = useRecompute();
  const run = useLatestRun(true);
  const r = run.data;
  const running = r?.status === 'running';
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">Attribution</Title>
        <Group gap="sm">
          {r ? <Text size="xs" c="dimmed">{running ? `Recomputing: ${r.step}` : r.status === 'failed' ? `Last recompute failed: ${r.error ?? ''}` : `Recomputed ${formatDateTime(r.finishedAt)} in ${((r.timings.total ?? 0) / 1000).toFixed(1)} s; changes since are applied within seconds`}</Text> : null}
          {can('attribution:write') ? <Button size="xs" variant="light" loading={recompute.isPending} disabled={running} onClick={() => recompute.mutate()}>Recompute all</Button> : null}
        </Group>
      </Group>
      {running && r.total ? <Progress value={(100 * r.done) / r.total} aria-label="Recompute progress" /> : null}
      <ErrorAlert error={recompute.error} />
      <Tabs defaultValue="credit" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="credit">Credit</Tabs.Tab>
          <Tabs.Tab value="sourced">Sourced &amp; influenced</Tabs.Tab>
          <Tabs.Tab value="disputes">Disputes</Tabs.Tab>
          <Tabs.Tab value="settings">Settings</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="credit" pt="sm"><CreditReport /></Tabs.Panel>
        <Tabs.Panel value="sourced" pt="sm"><SourcedTable /></Tabs.Panel>
        <Tabs.Panel value="disputes" pt="sm"><DisputesPanel /></Tabs.Panel>
        <Tabs.Panel value="settings" pt="sm"><SettingsPanel /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
