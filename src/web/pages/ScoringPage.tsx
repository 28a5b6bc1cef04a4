import { Badge, Button, Card, Grid, Group, Loader, NavLink, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useCreateModel, usePublishModel, useScoringModels, useUpdateModel, type ScoringModel } from '../api/scoring-models';
import { ErrorAlert } from '../components/ErrorAlert';
import { BacktestPanel } from '../components/scoring/BacktestPanel';
import { DefinitionEditor } from '../components/scoring/DefinitionEditor';
import { SuggestPanel } from '../components/scoring/SuggestPanel';
import { formatDateTime } from '../lib/format';
import { useCan } from '../lib/permissions';
import { useTitle } from '../lib/use-title';

const STATUS_COLOR = { draft: 'yellow', published: 'green', retired: 'gray' } as const;
const describe = (when: unknown) => JSON.stringify(when).replace(/["{}[\]]/g, ' ').replace(/\s+/g, ' ').trim();

function Rules({ m }: { m: ScoringModel }) {
  const d = m.definition;
  return (
    <Stack gap="xs">
      <Text size="sm">MQL at <b>{d.mqlThreshold}</b> points (or at once on a hand-raise) · engagement half-life {d.halfLifeDays} days · grades fit {d.grades.fit.join('/')}, engagement {d.grades.engagement.join('/')}</Text>
      <Table aria-label="Rules" striped>
        <Table.Thead><Table.Tr><Table.Th>Kind</Table.Th><Table.Th>Rule</Table.Th><Table.Th>Points</Table.Th><Table.Th>When</Table.Th><Table.Th>Cap</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {[...d.fit.map((r) => ['fit', r] as const), ...d.engagement.map((r) => ['engagement', r] as const)].map(([kind, r]) => (
            <Table.Tr key={r.id}>
              <Table.Td>{kind}</Table.Td><Table.Td>{r.label}</Table.Td><Table.Td>{r.points}</Table.Td>
              <Table.Td><Text size="xs" ff="monospace">{describe(r.when)}</Text></Table.Td>
              <Table.Td>{r.cap ? `${r.cap.maxPoints} per ${r.cap.periodDays} d` : '—'}</Table.Td>
            </Table.Tr>
          ))}
          {Object.entries(d.signals ?? {}).filter(([, v]) => v).map(([k, v]) => (
            <Table.Tr key={k}><Table.Td>signal</Table.Td><Table.Td>{k}</Table.Td><Table.Td>{v!.points}</Table.Td><Table.Td>{v!.withinDays ? `nothing within ${v!.withinDays} days` : ''}</Table.Td><Table.Td>—</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function ScoringPage() {
  useTitle('Scoring');
  const models = useScoringModels();
  const can = useCan();
  const write = can('scoring:write');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState<'new' | 'edit' | null>(null);
  const create = useCreateModel();
  const update = useUpdateModel();
  const publish = usePublishModel();
  if (models.isPending) return <Loader aria-label="Loading models" />;
  if (models.error) return <ErrorAlert error={models.error} />;
  const all = models.data.data;
  const selected = all.find((m) => m.id === selectedId) ?? all.find((m) => m.status === 'published') ?? all[0];
  return (
    <Stack>
      <Title order={2}>Scoring models</Title>
      {all.length === 0 || !selected ? <Text c="dimmed">No scoring model yet.</Text> : (
        <Grid>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <Card withBorder padding="xs" component="nav" aria-label="Model versions">
              {all.map((m) => (
                <NavLink key={m.id} active={m.id === selected.id} onClick={() => setSelectedId(m.id)}
                  label={`v${m.version} · ${m.name}`} rightSection={<Badge size="xs" color={STATUS_COLOR[m.status]}>{m.status}</Badge>} />
              ))}
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 9 }}>
            <Card withBorder component="section" aria-label={`Model v${selected.version}`}>
              <Group justify="space-between" mb="xs">
                <div>
                  <Title order={3} size="h4">v{selected.version} · {selected.name} <Badge color={STATUS_COLOR[selected.status]}>{selected.status}</Badge></Title>
                  <Text size="xs" c="dimmed">created {formatDateTime(selected.createdAt)}{selected.publishedAt ? ` · published ${formatDateTime(selected.publishedAt)}` : ''}{selected.retiredAt ? ` · retired ${formatDateTime(selected.retiredAt)}` : ''}</Text>
                </div>
                {write ? (
                  <Group gap="xs">
                    <Button variant="default" onClick={() => { create.reset(); setEditing('new'); }}>New draft from this</Button>
                    {selected.status === 'draft' ? <Button variant="default" onClick={() => { update.reset(); setEditing('edit'); }}>Edit</Button> : null}
                    {selected.status === 'draft' ? <Button loading={publish.isPending} onClick={() => publish.mutate({ id: selected.id })}>Publish</Button> : null}
                  </Group>
                ) : null}
              </Group>
              <ErrorAlert error={publish.error} />
              <Tabs defaultValue="rules" keepMounted={false}>
                <Tabs.List>
                  <Tabs.Tab value="rules">Rules</Tabs.Tab>
                  <Tabs.Tab value="backtest">Back-test</Tabs.Tab>
                  {write ? <Tabs.Tab value="suggest">Suggested weights</Tabs.Tab> : null}
                </Tabs.List>
                <Tabs.Panel value="rules" pt="sm"><Rules m={selected} /></Tabs.Panel>
                <Tabs.Panel value="backtest" pt="sm"><BacktestPanel model={selected} /></Tabs.Panel>
                {write ? <Tabs.Panel value="suggest" pt="sm"><SuggestPanel model={selected} /></Tabs.Panel> : null}
              </Tabs>
            </Card>
          </Grid.Col>
        </Grid>
      )}
      {editing === 'new' && selected ? (
        <DefinitionEditor title={`New draft from v${selected.version}`} name={`${selected.name} (draft)`} definition={selected.definition} pending={create.isPending} error={create.error}
          onClose={() => setEditing(null)}
          onSave={(name, definition) => create.mutate({ name, definition, basedOnId: selected.id }, { onSuccess: (m) => { setEditing(null); setSelectedId(m.id); } })} />
      ) : null}
      {editing === 'edit' && selected ? (
        <DefinitionEditor title={`Edit draft v${selected.version}`} name={selected.name} definition={selected.definition} pending={update.isPending} error={update.error}
          onClose={() => setEditing(null)} onSave={(name, definition) => update.mutate({ id: selected.id, name, definition }, { onSuccess: () => setEditing(null) })} />
      ) : null}
    </Stack>
  );
}
