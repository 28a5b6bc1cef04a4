import { Badge, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTeams } from '../../api/admin';
import { useSaveSlaPolicy, useSlaPolicies, useWorkCalendars, type SlaPolicy, type SlaPolicyInput } from '../../api/routing';
import { fieldErrors } from '../../lib/field-errors';
import { ErrorAlert } from '../ErrorAlert';

/** What binds when no default policy is saved (src/domain/handoff/sla-clock.ts DEFAULT_POLICY). */
const BUILT_IN: SlaPolicyInput = { name: 'Default', teamId: null, acceptHours: 24, firstTouchHours: 4, reminderBeforeHours: 4, reassignAfterHours: 8, calendarId: null };
const FIELDS = ['name', 'teamId', 'acceptHours', 'firstTouchHours', 'reminderBeforeHours', 'reassignAfterHours', 'calendarId'] as const;
const hours = (n: number) => `${n} h`;

type Editing = { policy: SlaPolicyInput & { teamName?: string | null }; isNew: boolean };

function PolicyForm({ policy, isNew, takenTeams, onClose }: Editing & { takenTeams: Set<string>; onClose: () => void }) {
  const save = useSaveSlaPolicy();
  const teams = useTeams();
  const calendars = useWorkCalendars();
  const [v, setV] = useState<SlaPolicyInput>(() => { const { teamName: _t, ...input } = policy; return input; });
  const errors = fieldErrors(save.error);
  const placed = FIELDS.some((k) => errors[k]);
  const set = <K extends keyof SlaPolicyInput>(key: K, value: SlaPolicyInput[K]) => setV((prev) => ({ ...prev, [key]: value }));
  const num = (key: 'acceptHours' | 'firstTouchHours' | 'reminderBeforeHours' | 'reassignAfterHours') => ({
    value: v[key], error: errors[key], min: 0, max: 720, decimalScale: 2, allowNegative: false, suffix: ' h',
    onChange: (n: string | number) => set(key, n === '' ? (NaN as number) : Number(n)),
  });
  const title = isNew ? 'A team’s SLA' : policy.teamId ? `SLA of team ${policy.teamName ?? ''}` : 'Default SLA';
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form noValidate onSubmit={(e) => { e.preventDefault(); save.mutate(v, { onSuccess: onClose }); }}>
        <Stack>
          <TextInput label="Name" required value={v.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} />
          {isNew ? (
            <Select label="Team (queue)" required searchable value={v.teamId} onChange={(t) => set('teamId', t)} error={errors.teamId} comboboxProps={{ withinPortal: false }}
              data={(teams.data?.data ?? []).filter((t) => !takenTeams.has(t.id)).map((t) => ({ value: t.id, label: t.name }))} nothingFoundMessage="Every team has its own SLA" />
          ) : null}
          <Text size="xs" c="dimmed">In business hours, on the owner’s calendar (else this policy’s).</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput label="Accept or reject within" description="Escalated to the manager at this deadline" {...num('acceptHours')} />
            <NumberInput label="First touch within" {...num('firstTouchHours')} />
            <NumberInput label="Reminder before the deadline" description="Hours before the accept deadline" {...num('reminderBeforeHours')} />
            <NumberInput label="Reassign after" description="Hours after the accept deadline: the lead is routed again" {...num('reassignAfterHours')} />
          </SimpleGrid>
          <Select label="Calendar" clearable placeholder="Office hours in the owner’s time zone" value={v.calendarId} onChange={(c) => set('calendarId', c)} error={errors.calendarId}
            data={(calendars.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.timezone})` }))} description="Used for owners without a calendar of their own" comboboxProps={{ withinPortal: false }} />
          {save.error && !placed ? <ErrorAlert error={save.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={save.isPending}>Save SLA</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** SLA policies: the default and one per queue (team); new hand-offs follow them. */
export function SlaPanel({ write }: { write: boolean }) {
  const policies = useSlaPolicies();
  const calendars = useWorkCalendars();
  const [editing, setEditing] = useState<Editing | null>(null);
  const list = policies.data ?? [];
  const hasDefault = list.some((p) => p.teamId === null);
  const rows: (SlaPolicy | (SlaPolicyInput & { id: null; teamName: null }))[] = hasDefault ? list : [{ ...BUILT_IN, id: null, teamName: null }, ...list];
  const calendarName = (id: string | null) => (id ? calendars.data?.find((c) => c.id === id)?.name ?? '…' : 'office hours, owner’s time zone');
  const taken = new Set(list.map((p) => p.teamId).filter((t): t is string => !!t));
  return (
    <Stack>
      <Group justify="space-between">
        <Text c="dimmed" size="sm" maw={760}>
          Each hand-off gets deadlines in business hours: a reminder before the accept deadline, escalation to the manager at it, reassignment after a
          second deadline. A team’s own policy binds its members; the default binds everyone else.
        </Text>
        {write ? <Button onClick={() => setEditing({ policy: { ...BUILT_IN, name: '' }, isNew: true })}>Add a team’s SLA</Button> : null}
      </Group>
      <ErrorAlert error={policies.error} />
      <Table.ScrollContainer minWidth={900}>
        <Table striped aria-label="SLA policies">
          <Table.Thead><Table.Tr>
            <Table.Th>Queue</Table.Th><Table.Th>Name</Table.Th><Table.Th>Accept within</Table.Th><Table.Th>First touch within</Table.Th>
            <Table.Th>Reminder before</Table.Th><Table.Th>Reassign after</Table.Th><Table.Th>Calendar</Table.Th>{write ? <Table.Th /> : null}
          </Table.Tr></Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr key={p.id ?? 'built-in'}>
                <Table.Td>{p.teamId ? p.teamName : <Group gap={4}><Text size="sm">Default</Text>{p.id ? null : <Badge size="xs" variant="light" color="gray">built in</Badge>}</Group>}</Table.Td>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>{hours(p.acceptHours)}</Table.Td><Table.Td>{hours(p.firstTouchHours)}</Table.Td>
                <Table.Td>{hours(p.reminderBeforeHours)}</Table.Td><Table.Td>{hours(p.reassignAfterHours)}</Table.Td>
                <Table.Td>{calendarName(p.calendarId)}</Table.Td>
                {write ? (
                  <Table.Td><Button size="xs" variant="subtle" aria-label={`Edit SLA ${p.teamName ?? 'default'}`}
                    onClick={() => setEditing({ isNew: false, policy: { name: p.name, teamId: p.teamId, teamName: p.teamName, acceptHours: p.acceptHours, firstTouchHours: p.firstTouchHours, reminderBeforeHours: p.reminderBeforeHours, reassignAfterHours: p.reassignAfterHours, calendarId: p.calendarId } })}>Edit</Button></Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing ? <PolicyForm {...editing} takenTeams={taken} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}
