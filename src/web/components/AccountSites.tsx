import { Table, Text } from '@mantine/core';
import type { Site } from '../api/types';
import { formatNumber } from '../lib/format';

export function AccountSites({ sites }: { sites: Site[] }) {
  if (!sites.length) return <Text c="dimmed">No sites recorded for this account.</Text>;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped aria-label="Sites">
        <Table.Thead>
          <Table.Tr><Table.Th>Site</Table.Th><Table.Th>City</Table.Th><Table.Th>Country</Table.Th><Table.Th>Headcount</Table.Th><Table.Th>Business unit</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sites.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.name}</Table.Td><Table.Td>{s.city}</Table.Td><Table.Td>{s.country}</Table.Td>
              <Table.Td>{s.headcount === null ? '' : formatNumber(s.headcount)}</Table.Td><Table.Td>{s.businessUnit}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
