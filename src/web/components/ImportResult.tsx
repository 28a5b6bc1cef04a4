import { Alert, Badge, Button, Card, Group, Table, Text } from '@mantine/core';
import type { ImportSummary } from '../api/types';

const statusColor = (s: ImportSummary) => (s.status === 'failed' ? 'red' : s.status === 'running' ? 'blue' : s.rowsFailed ? 'yellow' : 'green');

/** What an import did: rows read, imported and failed, and each bad row with its reason. */
export function ImportResult({ summary }: { summary: ImportSummary }) {
  const errors = summary.errors ?? [];
  return (
    <Card withBorder data-testid="import-result" component="section" aria-label="Import result">
      <Group>
        <Badge color={statusColor(summary)}>{summary.status}</Badge>
        <Text role="status">{summary.rowsRead} rows read · {summary.rowsOk} imported · {summary.rowsFailed} failed</Text>
        {summary.rowsFailed ? <Button component="a" size="xs" variant="default" href={`/api/v1/imports/${summary.id}/errors.csv`} download>Download row errors (CSV)</Button> : null}
      </Group>
      {summary.error ? <Alert color="red" mt="sm" role="alert">{summary.error}</Alert> : null}
      {errors.length ? (
        <Table.ScrollContainer minWidth={500} maxHeight={420} mt="sm">
          <Table aria-label="Row errors" stickyHeader>
            <Table.Thead><Table.Tr><Table.Th>Row</Table.Th><Table.Th>Field</Table.Th><Table.Th>Problem</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {errors.slice(0, 500).map((e, i) => (
                <Table.Tr key={i}><Table.Td>{e.rowNumber}</Table.Td><Table.Td>{e.field ?? ''}</Table.Td><Table.Td>{e.message}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {errors.length > 500 || summary.rowsFailed > errors.length ? (
        <Text size="xs" c="dimmed" mt={4}>Showing {Math.min(errors.length, 500)} of {summary.rowsFailed} row errors; download the CSV for all of them.</Text>
      ) : null}
    </Card>
  );
}
