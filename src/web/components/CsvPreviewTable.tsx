import { Table, Text } from '@mantine/core';
import type { CsvPreview } from '../lib/csv-preview';

/** The first rows of the chosen file as the browser read them, numbered like the server numbers rows (header = 1). */
export function CsvPreviewTable({ preview }: { preview: CsvPreview }) {
  return (
    <>
      <Table.ScrollContainer minWidth={500} maxHeight={360}>
        <Table striped withTableBorder withColumnBorders stickyHeader fz="xs" aria-label="File preview">
          <Table.Thead>
            <Table.Tr><Table.Th>Row</Table.Th>{preview.headers.map((h, i) => <Table.Th key={i}>{h}</Table.Th>)}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((r, i) => (
              <Table.Tr key={i}>
                <Table.Td c="dimmed">{i + 2}</Table.Td>
                {preview.headers.map((_, j) => <Table.Td key={j}>{r[j] ?? ''}</Table.Td>)}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed" mt={4}>The first {preview.rows.length} rows of the file; the server reads all of them.</Text>
    </>
  );
}
