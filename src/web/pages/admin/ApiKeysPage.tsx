import { Alert, Badge, Button, Code, CopyButton, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useApiKeys, useCreateApiKey, useRevokeApiKey, type ApiKey, type CreatedApiKey } from '../../api/admin';
import { ROLE_LABELS } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RecordForm, type FieldSpec } from '../../components/forms/RecordForm';
import { formatDateTime } from '../../lib/format';
import { useTitle } from '../../lib/use-title';

const FIELDS: FieldSpec[] = [
  { name: 'name', label: 'What uses it', kind: 'text', required: true, placeholder: 'Website CMS' },
  { name: 'role', label: 'Role', kind: 'select', required: true, data: Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label })), description: 'The rights the key carries' },
  { name: 'userId', label: 'Acts for', kind: 'owner', description: 'Whose records and name it uses; default: you' },
];

/** The token, once: after this dialog closes Truce only keeps its hash. */
function ShowOnce({ made, onClose }: { made: CreatedApiKey; onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title={`API key “${made.name}” created`} closeOnClickOutside={false}>
      <Stack>
        <Alert color="yellow" title="Copy it now">This is the only time the key is shown. Truce stores a hash; a lost key cannot be recovered, only revoked and replaced.</Alert>
        <Code block aria-label="New API key">{made.token}</Code>
        <Group justify="flex-end">
          <CopyButton value={made.token}>{({ copied, copy }) => <Button variant="default" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
          <Button onClick={onClose}>I have stored it</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function ApiKeysPage() {
  useTitle('API keys');
  const keys = useApiKeys();
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const [made, setMade] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>API keys</Title>
        <Button onClick={() => { create.reset(); setCreating(true); }}>New API key</Button>
      </Group>
      <Text c="dimmed" size="sm">Integrations call the API with <Code>Authorization: Bearer truce_…</Code>. Each key carries a role and acts for a user; the audit trail names the key.</Text>
      <ErrorAlert error={keys.error ?? revoke.error} />
      <Table.ScrollContainer minWidth={800}>
        <Table striped aria-label="API keys">
          <Table.Thead><Table.Tr>
            <Table.Th>Name</Table.Th><Table.Th>Key</Table.Th><Table.Th>Role</Table.Th><Table.Th>Acts for</Table.Th><Table.Th>Created</Table.Th><Table.Th>Last used</Table.Th><Table.Th>Status</Table.Th><Table.Th>Actions</Table.Th>
          </Table.Tr></Table.Thead>
          <Table.Tbody>
            {(keys.data?.data ?? []).map((k) => (
              <Table.Tr key={k.id}>
                <Table.Td>{k.name}</Table.Td>
                <Table.Td><Code>truce_{k.prefix}_…</Code></Table.Td>
                <Table.Td>{ROLE_LABELS[k.role as keyof typeof ROLE_LABELS] ?? k.role}</Table.Td>
                <Table.Td>{k.userName ?? '—'}</Table.Td>
                <Table.Td>{formatDateTime(k.createdAt)}</Table.Td>
                <Table.Td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'never'}</Table.Td>
                <Table.Td>{k.revokedAt ? <Badge color="gray" variant="light">revoked {formatDateTime(k.revokedAt)}</Badge> : <Badge color="green" variant="light">active</Badge>}</Table.Td>
                <Table.Td>{k.revokedAt ? null : <Button size="xs" color="red" variant="subtle" aria-label={`Revoke ${k.name}`} onClick={() => setRevoking(k)}>Revoke</Button>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {keys.data && keys.data.data.length === 0 ? <Text c="dimmed">No API keys yet.</Text> : null}
      {creating ? (
        <RecordForm title="New API key" fields={FIELDS} initial={null} opened onClose={() => setCreating(false)} pending={create.isPending} error={create.error} submitLabel="Create key"
          submit={(p) => create.mutate(p, { onSuccess: (k) => { setCreating(false); setMade(k); } })} />
      ) : null}
      {made ? <ShowOnce made={made} onClose={() => { setMade(null); create.reset(); }} /> : null}
      {revoking ? (
        <Modal opened onClose={() => setRevoking(null)} title={`Revoke “${revoking.name}”?`}>
          <Stack>
            <Text size="sm">Every call with this key fails from now on. This cannot be undone.</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRevoking(null)}>Cancel</Button>
              <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}>Revoke key</Button>
            </Group>
          </Stack>
        </Modal>
      ) : null}
    </Stack>
  );
}
