import { Badge, Button, CloseButton, Group, Modal, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { ROLE_LABELS, useSession, type Role } from '../../api/session';
import {
  useAddAbsence, useRemoveAbsence, useRoutingMembers, useUpdateRoutingMember, useWorkCalendars, type RoutingMember, type WorkCalendar,
} from '../../api/routing';
import { fieldErrors } from '../../lib/field-errors';
import { ErrorAlert } from '../ErrorAlert';
import { formatDay } from './RuleWords';

const today = () => new Date().toISOString().slice(0, 10);

/** Record an out-of-office period: round-robin skips the member on these days. */
function AbsenceModal({ member, onClose }: { member: RoutingMember; onClose: () => void }) {
  const add = useAddAbsence();
  const [startsOn, setStartsOn] = useState(today());
  const [endsOn, setEndsOn] = useState(today());
  const [note, setNote] = useState('');
  const errors = fieldErrors(add.error);
  const placed = ['startsOn', 'endsOn', 'note'].some((k) => errors[k]);
  return (
    <Modal opened onClose={onClose} title={`Out of office: ${member.name}`}>
      <form noValidate onSubmit={(e) => { e.preventDefault(); add.mutate({ userId: member.userId, startsOn, endsOn, ...(note.trim() ? { note: note.trim() } : {}) }, { onSuccess: onClose }); }}>
        <Stack>
          <Group grow>
            <TextInput type="date" label="From" required value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} error={errors.startsOn} />
            <TextInput type="date" label="Until (inclusive)" required value={endsOn} onChange={(e) => setEndsOn(e.currentTarget.value)} error={errors.endsOn} />
          </Group>
          <TextInput label="Note" placeholder="Holiday, parental leave…" value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
          {add.error && !placed ? <ErrorAlert error={add.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={add.isPending}>Record absence</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** One member's row: weight, capacity and calendar saved as each field is left; errors beside the field. */
function MemberRow({ m, calendars, write, self, onAbsence }: { m: RoutingMember; calendars: WorkCalendar[]; write: boolean; self: boolean; onAbsence: () => void }) {
  const update = useUpdateRoutingMember();
  const remove = useRemoveAbsence();
  const [weight, setWeight] = useState<string | number>(m.weight);
  const [capacity, setCapacity] = useState<string | number>(m.capacity ?? '');
  const errors = fieldErrors(update.error);
  const unplaced = update.error && !['weight', 'capacity', 'calendarId'].some((k) => errors[k]) ? update.error : null;
  const saveWeight = () => { if (weight !== '' && Number(weight) !== m.weight) update.mutate({ userId: m.userId, weight: Number(weight) }); };
  const saveCapacity = () => {
    const next = capacity === '' ? null : Number(capacity);
    if (next !== m.capacity) update.mutate({ userId: m.userId, capacity: next });
  };
  const full = m.capacity !== null && m.open >= m.capacity;
  const onEnter = (save: () => void) => (e: KeyboardEvent) => { if (e.key === 'Enter') { e.preventDefault(); save(); } };
  return (
    <Table.Tr data-member={m.name}>
      <Table.Td>
        <Text size="sm" fw={500}>{m.name}</Text>
        <Group gap={4}><Text size="xs" c="dimmed">{ROLE_LABELS[m.role as Role] ?? m.role}</Text>{m.active ? null : <Badge size="xs" color="red" variant="light">disabled</Badge>}</Group>
      </Table.Td>
      <Table.Td>{m.teamName ?? <Text span size="sm" c="dimmed">no team</Text>}</Table.Td>
      <Table.Td>
        {write ? (
          <NumberInput size="xs" w={80} min={0} max={100} allowDecimal={false} allowNegative={false} aria-label={`Weight of ${m.name}`} value={weight}
            onChange={setWeight} onBlur={saveWeight} onKeyDown={onEnter(saveWeight)} error={errors.weight} />
        ) : m.weight}
      </Table.Td>
      <Table.Td>
        {write ? (
          <NumberInput size="xs" w={100} min={0} max={10000} allowDecimal={false} allowNegative={false} placeholder="no limit" aria-label={`Capacity of ${m.name}`}
            value={capacity} onChange={setCapacity} onBlur={saveCapacity} onKeyDown={onEnter(saveCapacity)} error={errors.capacity} />
        ) : (m.capacity ?? 'no limit')}
      </Table.Td>
      <Table.Td>{m.open}{full ? <Badge ml={6} size="xs" color="orange" variant="light">at capacity</Badge> : null}</Table.Td>
      <Table.Td>
        {write ? (
          <Select size="xs" w={180} aria-label={`Calendar of ${m.name}`} placeholder="the SLA policy’s" clearable value={m.calendarId} error={errors.calendarId}
            data={calendars.map((c) => ({ value: c.id, label: c.name }))} onChange={(v) => update.mutate({ userId: m.userId, calendarId: v })} />
        ) : (calendars.find((c) => c.id === m.calendarId)?.name ?? <Text span size="sm" c="dimmed">the SLA policy’s</Text>)}
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {m.absences.map((a) => (
            <Badge key={a.id} variant="light" color="grape" title={a.note ?? undefined}
              rightSection={write || self ? <CloseButton size="xs" aria-label={`Cancel absence of ${m.name} ${a.startsOn} to ${a.endsOn}`} onClick={() => remove.mutate({ userId: m.userId, absenceId: a.id })} /> : null}>
              {a.startsOn === a.endsOn ? formatDay(a.startsOn) : `${formatDay(a.startsOn)} – ${formatDay(a.endsOn)}`}
            </Badge>
          ))}
          {write || self ? <Button size="compact-xs" variant="subtle" onClick={onAbsence} aria-label={`Add absence for ${m.name}`}>+ Absence</Button> : null}
          {!m.absences.length && !write && !self ? <Text span size="sm" c="dimmed">—</Text> : null}
        </Group>
        {unplaced || remove.error ? <ErrorAlert error={unplaced ?? remove.error} /> : null}
      </Table.Td>
    </Table.Tr>
  );
}

/** Who leads can go to: round-robin weight, capacity (open hand-offs), calendar and out-of-office periods. */
export function MembersPanel({ write }: { write: boolean }) {
  const members = useRoutingMembers();
  const calendars = useWorkCalendars();
  const me = useSession().data?.user.id;
  const [absence, setAbsence] = useState<RoutingMember | null>(null);
  const list = members.data ?? [];
  return (
    <Stack>
      <Text c="dimmed" size="sm" maw={760}>
        Round-robin shares a team’s leads in proportion to weight (0: none), skipping members who are out of office or whose open hand-offs reached their
        capacity. A member’s calendar sets their SLA deadlines; without one, the SLA policy’s calendar applies.
        {write ? ' Changes save when you leave a field.' : ''}
      </Text>
      <ErrorAlert error={members.error ?? calendars.error} />
      <Table.ScrollContainer minWidth={1000}>
        <Table striped aria-label="Routing members" verticalSpacing="xs">
          <Table.Thead><Table.Tr>
            <Table.Th>Member</Table.Th><Table.Th>Team</Table.Th><Table.Th>Weight</Table.Th><Table.Th>Capacity</Table.Th><Table.Th>Open hand-offs</Table.Th>
            <Table.Th>Calendar</Table.Th><Table.Th>Out of office</Table.Th>
          </Table.Tr></Table.Thead>
          <Table.Tbody>
            {list.map((m) => (
              <MemberRow key={`${m.userId}:${m.weight}:${m.capacity}`} m={m} calendars={calendars.data ?? []} write={write} self={m.userId === me} onAbsence={() => setAbsence(m)} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {members.data && list.length === 0 ? <Text c="dimmed">No SDRs, account executives or sales managers yet.</Text> : null}
      {absence ? <AbsenceModal member={absence} onClose={() => setAbsence(null)} /> : null}
    </Stack>
  );
}
