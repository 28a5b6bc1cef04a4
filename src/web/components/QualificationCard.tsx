import { Button, Card, Checkbox, Group, Loader, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, send } from '../api/client';
import { fieldErrors } from '../lib/field-errors';
import { useCan } from '../lib/permissions';
import { ErrorAlert } from './ErrorAlert';

type Q = { timing: string | null; need: string | null; budget: string | null; authority: string | null; ready: boolean; willing: boolean; able: boolean; notes: string | null };
const EMPTY: Q = { timing: null, need: null, budget: null, authority: null, ready: false, willing: false, able: false, notes: null };

function Form({ personId, initial, stage }: { personId: string; initial: Q; stage: string }) {
  const client = useQueryClient();
  const [q, setQ] = useState<Q>(initial);
  const save = useMutation({
    mutationFn: (body: Q) => send('PUT', `/api/v1/people/${personId}/qualification`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['qualification', personId] }),
  });
  const qualify = useMutation({
    mutationFn: () => send('POST', `/api/v1/people/${personId}/sql`),
    onSuccess: () => { void client.invalidateQueries({ queryKey: ['person', personId] }); },
  });
  const errors = fieldErrors(save.error);
  const text = (key: 'timing' | 'need' | 'budget' | 'authority', label: string) => (
    <Textarea label={label} autosize minRows={1} value={q[key] ?? ''} error={errors[key]} onChange={(e) => setQ({ ...q, [key]: e.currentTarget.value || null })} />
  );
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {text('timing', 'Timing (ready)')}{text('need', 'Need and intent (willing)')}{text('budget', 'Budget (able)')}{text('authority', 'Authority (able)')}
      </SimpleGrid>
      <Group>
        <Checkbox label="Ready" checked={q.ready} onChange={(e) => setQ({ ...q, ready: e.currentTarget.checked })} />
        <Checkbox label="Willing" checked={q.willing} onChange={(e) => setQ({ ...q, willing: e.currentTarget.checked })} />
        <Checkbox label="Able" checked={q.able} onChange={(e) => setQ({ ...q, able: e.currentTarget.checked })} />
      </Group>
      <Group>
        <Button variant="default" loading={save.isPending} onClick={() => save.mutate(q)}>Save checklist</Button>
        {stage === 'mql' || stage === 'sal' ? <Button loading={qualify.isPending} onClick={() => qualify.mutate()}>Qualify as SQL</Button> : null}
      </Group>
      {save.error && !Object.keys(errors).length ? <ErrorAlert error={save.error} /> : null}
      <ErrorAlert error={qualify.error} />
    </Stack>
  );
}

/** The ready-willing-able checklist that gates SQL, for the sellers who work the person. */
export function QualificationCard({ personId, stage }: { personId: string; stage: string }) {
  const can = useCan();
  const q = useQuery({ queryKey: ['qualification', personId], queryFn: () => api<Q | null>(`/api/v1/people/${personId}/qualification`) });
  if (!can('qualification:write')) return null;
  return (
    <Card withBorder component="section" aria-label="Qualification">
      <Title order={3} size="h4" mb="xs">Ready, willing and able</Title>
      <Text size="xs" c="dimmed" mb="xs">An SQL needs all three boxes, each with its answer.</Text>
      {q.isPending ? <Loader size="sm" aria-label="Loading the checklist" /> : q.error ? <ErrorAlert error={q.error} /> : <Form personId={personId} initial={q.data ?? EMPTY} stage={stage} />}
    </Card>
  );
}
