import { Badge, Button, Card, Group, Select, Stack, Table, TagsInput, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';

type CustomField = { id: string; entity: string; key: string; label: string; type: string; options: string[] | null };
const ENTITIES = [{ value: 'person', label: 'People' }, { value: 'account', label: 'Accounts' }, { value: 'opportunity', label: 'Opportunities' }];
const TYPES = ['text', 'number', 'date', 'boolean', 'picklist'];

/** Every company brings its own fields: defined here, filled by imports and the API, usable in filters. */
export function CustomFieldsPage() {
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['custom-fields'], queryFn: () => api<{ data: CustomField[] }>('/api/v1/custom-fields') });
  const [draft, setDraft] = useState({ entity: 'person', key: '', label: '', type: 'text', options: [] as string[] });
  const create = useMutation({
    mutationFn: () => api<CustomField>('/api/v1/custom-fields', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...draft, options: draft.type === 'picklist' ? draft.options : undefined }),
    }),
    onSuccess: () => { setDraft({ ...draft, key: '', label: '', options: [] }); void client.invalidateQueries({ queryKey: ['custom-fields'] }); },
  });
  const fieldError = (name: string) => {
    const e = create.error;
    return e instanceof ApiError ? e.problem?.errors.find((x) => x.path === name)?.message : undefined;
  };
  return (
    <Stack>
      <Title order={2}>Custom fields</Title>
      <Card withBorder component="form" onSubmit={(e) => { e.preventDefault(); create.mutate(); }}>
        <Group align="start">
          <Select label="Record" data={ENTITIES} value={draft.entity} allowDeselect={false} onChange={(v) => setDraft({ ...draft, entity: v! })} w={160} />
          <TextInput label="Key" description="lower_case, used in imports and filters" value={draft.key} error={fieldError('key')}
            onChange={(e) => setDraft({ ...draft, key: e.currentTarget.value })} required />
          <TextInput label="Label" value={draft.label} error={fieldError('label')} onChange={(e) => setDraft({ ...draft, label: e.currentTarget.value })} required />
          <Select label="Type" data={TYPES} value={draft.type} allowDeselect={false} onChange={(v) => setDraft({ ...draft, type: v! })} w={130} />
          {draft.type === 'picklist' ? (
            <TagsInput label="Options" value={draft.options} error={fieldError('options')} onChange={(options) => setDraft({ ...draft, options })} w={260} />
          ) : null}
          <Button type="submit" mt={24} loading={create.isPending}>Add field</Button>
        </Group>
        {create.error && !(create.error instanceof ApiError && create.error.problem?.errors.length) ? <ErrorAlert error={create.error} /> : null}
      </Card>
      <ErrorAlert error={list.error} />
      <Table aria-label="Custom fields">
        <Table.Thead><Table.Tr><Table.Th>Record</Table.Th><Table.Th>Key</Table.Th><Table.Th>Label</Table.Th><Table.Th>Type</Table.Th><Table.Th>Options</Table.Th><Table.Th>Filter example</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>{(list.data?.data ?? []).map((f) => (
          <Table.Tr key={f.id}>
            <Table.Td><Badge variant="light">{f.entity}</Badge></Table.Td><Table.Td>{f.key}</Table.Td><Table.Td>{f.label}</Table.Td><Table.Td>{f.type}</Table.Td>
            <Table.Td>{f.options?.join(', ')}</Table.Td><Table.Td><code>?cf={f.key}:{f.type === 'number' ? 'gte:10' : `eq:${f.options?.[0] ?? 'value'}`}</code></Table.Td>
          </Table.Tr>
        ))}</Table.Tbody>
      </Table>
    </Stack>
  );
}
