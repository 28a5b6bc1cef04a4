import { Alert, Badge, Button, Card, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useStageLabels, useUpdateStageLabels, type StageLabels } from '../../api/stage-labels';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../lib/field-errors';
import { formatDateTime } from '../../lib/format';
import { useCan } from '../../lib/permissions';
import { useTitle } from '../../lib/use-title';
import { LIFECYCLE_STAGES, STAGE_COLOR } from '../../lib/vocabulary';

/**
 * What the company calls each lifecycle stage. The codes (subscriber … disqualified) never change:
 * rules, reports and the API keep using them; only the labels shown in the app do.
 */
export function StageLabelsPage() {
  useTitle('Lifecycle stages');
  const q = useStageLabels();
  const save = useUpdateStageLabels();
  const can = useCan();
  const [draft, setDraft] = useState<StageLabels | null>(null);
  useEffect(() => { if (q.data && !draft) setDraft(q.data.labels); }, [q.data, draft]);
  if (q.isPending || !draft) return q.error ? <ErrorAlert error={q.error} /> : <Loader aria-label="Loading the stage labels" />;
  const defaults = q.data!.defaults;
  const errors = fieldErrors(save.error);
  const write = can('lifecycle:write');
  return (
    <Stack maw={720}>
      <Title order={2}>Lifecycle stages</Title>
      <Text c="dimmed" size="sm">Rename the stages as your company calls them. The stages themselves and their order are fixed; every list, badge and filter shows these labels.</Text>
      <Card withBorder component="form" aria-label="Stage labels" onSubmit={(e) => { e.preventDefault(); save.mutate(draft); }}>
        <Table>
          <Table.Thead><Table.Tr><Table.Th>Stage</Table.Th><Table.Th>Label</Table.Th><Table.Th>Default</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {LIFECYCLE_STAGES.map((s) => (
              <Table.Tr key={s}>
                <Table.Td><Badge variant="light" color={STAGE_COLOR[s] ?? 'gray'}>{s}</Badge></Table.Td>
                <Table.Td>
                  <TextInput aria-label={`Label of ${s}`} value={draft[s]} disabled={!write} error={errors[`labels.${s}`]}
                    onChange={(e) => { const value = e.currentTarget.value; setDraft((d) => (d ? { ...d, [s]: value } : d)); }} />
                </Table.Td>
                <Table.Td><Text size="sm" c="dimmed">{defaults[s]}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {save.error && Object.keys(errors).length === 0 ? <ErrorAlert error={save.error} /> : null}
        {save.isSuccess ? <Alert color="green" mt="sm" aria-label="Saved">Saved. The app now shows these labels.</Alert> : null}
        {write ? (
          <Group justify="space-between" mt="md">
            <Text size="xs" c="dimmed">{q.data!.updatedAt ? `Last changed ${formatDateTime(q.data!.updatedAt)}` : 'The defaults apply.'}</Text>
            <Group gap="xs">
              <Button variant="default" onClick={() => setDraft(defaults)}>Reset to defaults</Button>
              <Button type="submit" loading={save.isPending}>Save labels</Button>
            </Group>
          </Group>
        ) : null}
      </Card>
    </Stack>
  );
}
