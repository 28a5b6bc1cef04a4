import { Button, Stack, Table, Text } from '@mantine/core';
import { useCreateModel, useSuggestWeights, type ScoringModel } from '../../api/scoring-models';
import { ErrorAlert } from '../ErrorAlert';

/** Weights learned from the company's own history, to adopt as a new draft. */
export function SuggestPanel({ model }: { model: ScoringModel }) {
  const suggest = useSuggestWeights();
  const adopt = useCreateModel();
  const s = suggest.data;
  return (
    <Stack>
      <Button w="fit-content" variant="default" onClick={() => suggest.mutate({ id: model.id })} loading={suggest.isPending}>Suggest weights from history</Button>
      <ErrorAlert error={suggest.error ?? adopt.error} />
      {s ? (
        <>
          <Text size="sm">Learned from {s.trained.toLocaleString()} people, checked on {s.heldOut.toLocaleString()} it never saw: AUC {s.heldOutAuc?.toFixed(2) ?? '—'} (the model as it is: {s.currentAuc?.toFixed(2) ?? '—'}).</Text>
          <Table aria-label="Suggested weights">
            <Table.Thead><Table.Tr><Table.Th>Rule</Table.Th><Table.Th>Now</Table.Th><Table.Th>Suggested</Table.Th><Table.Th>Fires for</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {s.rules.map((r) => (
                <Table.Tr key={r.ruleId}><Table.Td>{r.label}</Table.Td><Table.Td>{r.currentPoints}</Table.Td><Table.Td>{r.points}</Table.Td><Table.Td>{Math.round(r.share * 100)} %</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {s.excluded.map((e) => <Text key={e.ruleId} size="xs" c="dimmed">Left out: {e.ruleId} ({e.reason}).</Text>)}
          <Button w="fit-content" loading={adopt.isPending} onClick={() => adopt.mutate({ name: `${model.name} (learned)`, definition: s.definition, basedOnId: model.id })}>
            Adopt as a new draft
          </Button>
          {adopt.data ? <Text size="sm" c="green">Draft v{adopt.data.version} created.</Text> : null}
        </>
      ) : null}
    </Stack>
  );
}
