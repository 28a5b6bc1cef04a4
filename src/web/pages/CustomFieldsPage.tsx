import { Badge, Button, Card, Code, Group, Select, Stack, Table, TagsInput, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { useCreateCustomField, useCustomFields } from '../api/custom-fields';
import { ErrorAlert } from '../components/ErrorAlert';
import { useTitle } from '../lib/use-title';

const ENTITIES = [{ value: 'person', label: 'People' }, { value: 'account', label: 'Accounts' }, { value: 'opportunity', label: 'Opportunities' }];
const TYPES = ['text', 'number', 'date', 'boolean', 'picklist'];
const BESIDE = ['key', 'label', 'options'];
const EMPTY = { entity: 'person', key: '', label: '', type: 'text', options: [] as string[] };

/** Every company brings its own fields: defined here, filled by imports and the API, usable in filters. */
export function CustomFieldsPage() {
  useTitle('Custom fields');
  const list = useCustomFields();
  const [draft, setDraft] = useState(EMPTY);
  const create = useCreateCustomField(() => setDraft((d) => ({ ...EMPTY, entity: d.entity, type: d.type })));
  const fieldErrors = create.error instanceof ApiError ? create.error.problem?.errors ?? [] : [];
  const isField = (path: string, name: string) => path === name || path === `body.${name}`;
  const fieldError = (name: string) => fieldErrors.find((x) => isField(x.path, name))?.message;
  // Errors shown beside their input need no alert; anything else (or a problem without field errors) does.
  const unplaced = fieldErrors.filter((x) => !BESIDE.some((n) => isField(x.path, n)));
  return (
    <Stack>
      <Title order={2}>Custom fields</Title>
      <Card withBorder component="form" aria-label="New custom field" onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ ...draft, options: draft.type === 'picklist' ? draft.options : undefined });
      }}>
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
        {create.error && (!fieldErrors.length || unplaced.length) ? <ErrorAlert error={create.error} /> : null}
      </Card>
      <ErrorAlert error={list.error} />
      <Table aria-label="Custom fields">
        <Table.Thead><Table.Tr><Table.Th>Record</Table.Th><Table.Th>Key</Table.Th><Table.Th>Label</Table.Th><Table.Th>Type</Table.Th><Table.Th>Options</Table.Th><Table.Th>Filter example</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>{(list.data?.data ?? []).map((f) => (
          <Table.Tr key={f.id}>
            <Table.Td><Badge variant="light">{f.entity}</Badge></Table.Td><Table.Td>{f.key}</Table.Td><Table.Td>{f.label}</Table.Td><Table.Td>{f.type}</Table.Td>
            <Table.Td>{f.options?.join(', ')}</Table.Td><Table.Td><Code>?cf={f.key}:{f.type === 'number' ? 'gte:10' : `eq:${f.options?.[0] ?? 'value'}`}</Code></Table.Td>
          </Table.Tr>
        ))}</Table.Tbody>
      </Table>
    </Stack>
  );
}
