import { ActionIcon, Badge, Button, CloseButton, Group, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useSaveCalendar, useWorkCalendars, type TimeRange, type WeekHours, type WorkCalendar, type WorkCalendarInput } from '../../api/routing';
import { fieldErrors } from '../../lib/field-errors';
import { ErrorAlert } from '../ErrorAlert';
import { formatDay } from './RuleWords';

type Day = keyof WeekHours;
/** Monday first, as people read a week; the API numbers days from Sunday = 0. */
const WEEK: { day: Day; short: string; long: string }[] = [
  { day: '1', short: 'Mon', long: 'Monday' }, { day: '2', short: 'Tue', long: 'Tuesday' }, { day: '3', short: 'Wed', long: 'Wednesday' },
  { day: '4', short: 'Thu', long: 'Thursday' }, { day: '5', short: 'Fri', long: 'Friday' }, { day: '6', short: 'Sat', long: 'Saturday' },
  { day: '0', short: 'Sun', long: 'Sunday' },
];
const OFFICE: WeekHours = Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ start: '09:00', end: '17:00' }]]));
const ZONES: string[] = (() => {
  const all = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return all.includes('UTC') ? all : ['UTC', ...all];
})();
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

const rangesText = (r: TimeRange[] | undefined) => (r ?? []).map((x) => `${x.start}–${x.end}`).join(', ');

/** "Mon–Fri 09:00–17:00; Sat 10:00–14:00": consecutive days with the same hours run together. */
export function describeHours(hours: WeekHours): string {
  const parts: string[] = [];
  let i = 0;
  while (i < WEEK.length) {
    const text = rangesText(hours[WEEK[i]!.day]);
    let j = i;
    while (j + 1 < WEEK.length && rangesText(hours[WEEK[j + 1]!.day]) === text) j++;
    if (text) parts.push(`${WEEK[i]!.short}${j > i ? `–${WEEK[j]!.short}` : ''} ${text}`);
    i = j + 1;
  }
  return parts.join('; ') || 'no working hours';
}

function CalendarForm({ calendar, onClose }: { calendar: WorkCalendar | null; onClose: () => void }) {
  const save = useSaveCalendar();
  const [v, setV] = useState<WorkCalendarInput>(calendar ?? { name: '', timezone: browserZone(), hours: OFFICE, holidays: [] });
  const [holiday, setHoliday] = useState('');
  const errors = fieldErrors(save.error);
  const problem = save.error instanceof ApiError ? save.error.problem : null;
  const placed = Object.keys(errors).some((k) => ['name', 'timezone', 'hours', 'holidays'].some((f) => k === f || k.startsWith(`${f}.`)));
  const hoursError = errors.hours ? (problem?.code === 'calendar_no_hours' ? problem.detail : errors.hours) : undefined;
  const holidayError = Object.entries(errors).find(([k]) => k === 'holidays' || k.startsWith('holidays.'))?.[1];
  const setDay = (day: Day, ranges: TimeRange[]) => setV((prev) => ({ ...prev, hours: { ...prev.hours, [day]: ranges } }));
  const addHoliday = () => {
    if (!holiday || v.holidays.includes(holiday)) return;
    setV((prev) => ({ ...prev, holidays: [...prev.holidays, holiday].sort() }));
    setHoliday('');
  };
  const submit = () => {
    // Days without ranges are left out: closed.
    const hours = Object.fromEntries(Object.entries(v.hours).filter(([, r]) => r && r.length)) as WeekHours;
    save.mutate({ ...v, hours, ...(calendar ? { id: calendar.id } : {}) }, { onSuccess: onClose });
  };
  const zones = ZONES.includes(v.timezone) ? ZONES : [v.timezone, ...ZONES];
  return (
    <Modal opened onClose={onClose} title={calendar ? `Edit calendar: ${calendar.name}` : 'New working calendar'} size="lg">
      <form noValidate onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <Stack>
          <Group grow align="start">
            <TextInput label="Name" required value={v.name} onChange={(e) => { const name = e.currentTarget.value; setV((p) => ({ ...p, name })); }} error={errors.name} />
            <Select label="Time zone" required searchable allowDeselect={false} data={zones} value={v.timezone} limit={50}
              onChange={(tz) => tz && setV((p) => ({ ...p, timezone: tz }))} error={errors.timezone} comboboxProps={{ withinPortal: false }} />
          </Group>
          <Stack gap={4} role="group" aria-label="Working hours">
            <Text size="sm" fw={500}>Working hours</Text>
            {hoursError ? <Text size="sm" c="red" role="alert" data-field-error="hours">{hoursError}</Text> : null}
            {WEEK.map(({ day, long }) => {
              const ranges = v.hours[day] ?? [];
              return (
                <Group key={day} gap="xs" align="start" wrap="nowrap">
                  <Text size="sm" w={90} pt={4}>{long}</Text>
                  <Stack gap={4} style={{ flex: 1 }}>
                    {ranges.length === 0 ? <Text size="sm" c="dimmed" pt={4}>closed</Text> : null}
                    {ranges.map((r, i) => (
                      <Group key={i} gap={4} wrap="nowrap" align="start">
                        <TextInput size="xs" w={80} placeholder="09:00" aria-label={`${long} range ${i + 1} start`} value={r.start} error={errors[`hours.${day}.${i}.start`]}
                          onChange={(e) => { const start = e.currentTarget.value; setDay(day, ranges.map((x, j) => (j === i ? { ...x, start } : x))); }} />
                        <Text size="sm" pt={4}>–</Text>
                        <TextInput size="xs" w={80} placeholder="17:00" aria-label={`${long} range ${i + 1} end`} value={r.end} error={errors[`hours.${day}.${i}.end`] ?? errors[`hours.${day}.${i}`]}
                          onChange={(e) => { const end = e.currentTarget.value; setDay(day, ranges.map((x, j) => (j === i ? { ...x, end } : x))); }} />
                        <CloseButton size="sm" mt={4} aria-label={`Remove ${long} range ${i + 1}`} onClick={() => setDay(day, ranges.filter((_, j) => j !== i))} />
                      </Group>
                    ))}
                  </Stack>
                  <ActionIcon variant="subtle" aria-label={`Add a range on ${long}`} disabled={ranges.length >= 6}
                    onClick={() => setDay(day, [...ranges, ranges.length ? { start: '13:00', end: '17:00' } : { start: '09:00', end: '17:00' }])}>+</ActionIcon>
                </Group>
              );
            })}
            <Text size="xs" c="dimmed">Times as HH:MM in the calendar’s time zone; 24:00 ends a day. Several ranges make a lunch break.</Text>
          </Stack>
          <Stack gap={4}>
            <Group gap="xs" align="end">
              <TextInput type="date" label="Holidays" description="Days off, whatever the weekday" value={holiday} onChange={(e) => setHoliday(e.currentTarget.value)} error={holidayError} />
              <Button variant="default" onClick={addHoliday} disabled={!holiday}>Add holiday</Button>
            </Group>
            <Group gap={4} aria-label="Holidays list">
              {v.holidays.map((d) => (
                <Badge key={d} variant="light" color="gray" rightSection={<CloseButton size="xs" aria-label={`Remove holiday ${d}`} onClick={() => setV((p) => ({ ...p, holidays: p.holidays.filter((x) => x !== d) }))} />}>{formatDay(d)}</Badge>
              ))}
              {v.holidays.length === 0 ? <Text size="sm" c="dimmed">none</Text> : null}
            </Group>
          </Stack>
          {save.error && !placed ? <ErrorAlert error={save.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={save.isPending}>{calendar ? 'Save calendar' : 'Add calendar'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Working calendars: time zone, hours per weekday (one or more ranges), holidays; SLA deadlines count only these hours. */
export function CalendarsPanel({ write }: { write: boolean }) {
  const calendars = useWorkCalendars();
  const [editing, setEditing] = useState<WorkCalendar | 'new' | null>(null);
  const list = calendars.data ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3} size="h4">Working calendars</Title>
        {write ? <Button onClick={() => setEditing('new')}>New calendar</Button> : null}
      </Group>
      <Text c="dimmed" size="sm" maw={760}>SLA clocks run only in working hours: an owner’s own calendar, else their SLA policy’s, else office hours (Mon–Fri 9–17) in their time zone.</Text>
      <ErrorAlert error={calendars.error} />
      <Table.ScrollContainer minWidth={800}>
        <Table striped aria-label="Working calendars">
          <Table.Thead><Table.Tr><Table.Th>Name</Table.Th><Table.Th>Time zone</Table.Th><Table.Th>Hours</Table.Th><Table.Th>Holidays</Table.Th>{write ? <Table.Th /> : null}</Table.Tr></Table.Thead>
          <Table.Tbody>
            {list.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.name}</Table.Td><Table.Td>{c.timezone}</Table.Td><Table.Td><Text size="sm">{describeHours(c.hours)}</Text></Table.Td>
                <Table.Td><Text size="sm" title={c.holidays.join(', ')}>{c.holidays.length ? `${c.holidays.length}: ${c.holidays.slice(0, 3).map(formatDay).join(', ')}${c.holidays.length > 3 ? '…' : ''}` : '—'}</Text></Table.Td>
                {write ? <Table.Td><Button size="xs" variant="subtle" onClick={() => setEditing(c)} aria-label={`Edit calendar ${c.name}`}>Edit</Button></Table.Td> : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {calendars.data && list.length === 0 ? <Text c="dimmed">No calendars yet: office hours in each owner’s time zone apply.</Text> : null}
      {editing ? <CalendarForm calendar={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}
