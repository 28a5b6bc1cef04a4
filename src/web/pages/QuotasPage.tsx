import { Button, FileButton, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useImportQuotas, useQuotas, useSetQuota } from '../api/cards';
import { ErrorAlert } from '../components/ErrorAlert';
import { OwnerSelect } from '../components/OwnerSelect';
import { formatMoney } from '../lib/format';
import { useCan } from '../lib/permissions';
import { useTitle } from '../lib/use-title';

/** Quotas per seller and period: managers set their team's, by hand or from a CSV. */
export function QuotasPage() {
  useTitle('Quotas');
  const can = useCan();
  const list = useQuotas();
  const set = useSetQuota();
  const importer = useImportQuotas();
  const [form, setForm] = useState({ userId: null as string | null, startsOn: '', endsOn: '', amount: 0 as number | string, currency: 'USD' });
  const write = can('quotas:write');
  return (
    <Stack gap="md">
      <Title order={1} size="h2">Quotas</Title>
      {write ? (
        <>
          <Group align="end" wrap="wrap">
            <OwnerSelect label="Seller" assignable value={form.userId} onChange={(userId) => setForm({ ...form, userId })} w={220} />
            <TextInput label="From" type="date" value={form.startsOn} onChange={(e) => setForm({ ...form, startsOn: e.currentTarget.value })} />
            <TextInput label="To (last day)" type="date" value={form.endsOn} onChange={(e) => setForm({ ...form, endsOn: e.currentTarget.value })} />
            <NumberInput label="Amount" min={0} value={form.amount} onChange={(amount) => setForm({ ...form, amount })} w={160} />
            <TextInput label="Currency" value={form.currency} maxLength={3} onChange={(e) => setForm({ ...form, currency: e.currentTarget.value.toUpperCase() })} w={90} />
            <Button loading={set.isPending} disabled={!form.userId || !form.startsOn || !form.endsOn}
              onClick={() => set.mutate({ userId: form.userId!, startsOn: form.startsOn, endsOn: form.endsOn, amount: Number(form.amount), currency: form.currency })}>Set quota</Button>
            <FileButton accept=".csv,text/csv" onChange={(file) => { if (file) void file.text().then((csv) => importer.mutate(csv)); }}>
              {(props) => <Button variant="default" {...props} loading={importer.isPending}>Import CSV</Button>}
            </FileButton>
          </Group>
          <Text size="xs" c="dimmed">CSV columns: email, starts_on, ends_on, amount, currency (optional, default USD). A quota with the same seller and start replaces the old one.</Text>
          <ErrorAlert error={set.error ?? importer.error} />
          {importer.data ? (
            <Text size="sm">{importer.data.saved} saved{importer.data.errors.length ? `; ${importer.data.errors.length} refused: ${importer.data.errors.map((e) => `row ${e.row} (${e.field}): ${e.message}`).join('; ')}` : ''}</Text>
          ) : null}
        </>
      ) : null}
      <ErrorAlert error={list.error} />
      <Table striped aria-label="Quotas">
        <Table.Thead><Table.Tr><Table.Th>Seller</Table.Th><Table.Th>From</Table.Th><Table.Th>To</Table.Th><Table.Th>Quota</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {(list.data?.data ?? []).map((q) => (
            <Table.Tr key={q.id}><Table.Td>{q.userName}</Table.Td><Table.Td>{q.startsOn}</Table.Td><Table.Td>{q.endsOn}</Table.Td><Table.Td>{formatMoney(q.amount, q.currency)}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data && !list.data.data.length ? <Text c="dimmed" size="sm">No quotas yet.</Text> : null}
    </Stack>
  );
}
