import { ActionIcon, Anchor, Button, Group, Select, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, qs, send } from '../api/client';
import type { OpportunityDetail, Page, Person } from '../api/types';
import { fullName } from '../lib/format';
import { useCan } from '../lib/permissions';
import { BUYING_ROLES, humanize, options } from '../lib/vocabulary';
import { ErrorAlert } from './ErrorAlert';

/** The buying committee on a deal: who plays which role; sellers who may change the deal add and remove people. */
export function ContactRoles({ o }: { o: OpportunityDetail }) {
  const can = useCan();
  const client = useQueryClient();
  const [personId, setPersonId] = useState<string | null>(null);
  const [role, setRole] = useState<string | null>(null);
  const people = useQuery({
    queryKey: ['people', { accountId: o.accountId }, 'picker'],
    enabled: can('opportunities:write'),
    queryFn: () => api<Page<Person>>(`/api/v1/people${qs({ accountId: o.accountId, limit: 200, sort: 'lastName', order: 'asc' })}`),
  });
  const save = useMutation({
    mutationFn: (contacts: { personId: string; role: string }[]) => send('PATCH', `/api/v1/opportunities/${o.id}`, { contacts }),
    onSuccess: () => { void client.invalidateQueries({ queryKey: ['opportunity', o.id] }); setPersonId(null); setRole(null); },
  });
  const current = o.contacts.map((c) => ({ personId: c.personId, role: c.role }));
  const candidates = (people.data?.data ?? []).filter((p) => !o.contacts.some((c) => c.personId === p.id));
  return (
    <>
      {o.contacts.length === 0 ? <Text c="dimmed" size="sm">Nobody is on this deal yet.</Text> : (
        <Table aria-label="Contact roles">
          <Table.Thead><Table.Tr><Table.Th>Person</Table.Th><Table.Th>Role</Table.Th><Table.Th><span className="sr-only">Actions</span></Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {o.contacts.map((c) => (
              <Table.Tr key={c.personId}>
                <Table.Td><Anchor component={Link} to={`/people/${c.personId}`}>{c.name ?? c.email}</Anchor></Table.Td>
                <Table.Td>{humanize(c.role)}</Table.Td>
                <Table.Td>{can('opportunities:write') ? (
                  <ActionIcon variant="subtle" color="red" aria-label={`Remove ${c.name ?? c.email}`} onClick={() => save.mutate(current.filter((x) => x.personId !== c.personId))}>×</ActionIcon>
                ) : null}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {can('opportunities:write') ? (
        <Group align="end" mt="sm">
          <Select label="Add a person" placeholder="From this account" searchable data={candidates.map((p) => ({ value: p.id, label: fullName(p) }))} value={personId} onChange={setPersonId} w={240} />
          <Select label="Role" placeholder="Buying role" data={options(BUYING_ROLES)} value={role} onChange={setRole} w={180} />
          <Button disabled={!personId || !role} loading={save.isPending} onClick={() => save.mutate([...current, { personId: personId!, role: role! }])}>Add</Button>
        </Group>
      ) : null}
      <ErrorAlert error={save.error} />
    </>
  );
}
