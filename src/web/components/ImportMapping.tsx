import { Alert, Badge, Group, Select, Table, Text } from '@mantine/core';
import type { ImportField } from '../api/types';
import type { CsvPreview } from '../lib/csv-preview';

export type Mapping = Record<string, string>;

/** Required fields no column is mapped to. */
export function missingRequired(fields: ImportField[], mapping: Mapping, optional: string[] = []): ImportField[] {
  const mapped = new Set(Object.values(mapping));
  return fields.filter((f) => f.required && !mapped.has(f.key) && !optional.includes(f.key));
}

/** For each column of the file, the Truce field it fills; a column mapped to nothing is kept as extra data. */
export function ImportMapping({ preview, fields, mapping, onChange, optional = [] }: {
  preview: CsvPreview; fields: ImportField[]; mapping: Mapping; onChange: (m: Mapping) => void; optional?: string[];
}) {
  const taken = new Map(Object.entries(mapping).filter(([, k]) => k).map(([h, k]) => [k, h]));
  const missing = missingRequired(fields, mapping, optional);
  const set = (header: string, key: string | null) => onChange({ ...mapping, [header]: key ?? '' });
  return (
    <>
      <Table aria-label="Column mapping" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr><Table.Th>Column in the file</Table.Th><Table.Th>First values</Table.Th><Table.Th>Truce field</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.headers.map((h, i) => {
            const field = fields.find((f) => f.key === mapping[h]);
            return (
              <Table.Tr key={i}>
                <Table.Td fw={500}>{h || <Text c="dimmed" span>(no name)</Text>}</Table.Td>
                <Table.Td maw={320}><Text size="xs" c="dimmed" truncate>{preview.rows.slice(0, 3).map((r) => r[i] ?? '').join(' · ')}</Text></Table.Td>
                <Table.Td miw={260}>
                  <Select
                    aria-label={`Field for column ${h}`} size="xs" clearable searchable placeholder="— keep as extra data —"
                    data={fields.map((f) => ({
                      value: f.key, label: `${f.label}${f.required ? ' *' : ''}`,
                      disabled: taken.has(f.key) && taken.get(f.key) !== h,
                    }))}
                    value={mapping[h] || null}
                    onChange={(v) => set(h, v)}
                    description={field?.description || undefined}
                    inputWrapperOrder={['label', 'input', 'description', 'error']}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group gap={6} mt="sm" aria-label="Required fields">
        <Text size="sm">Required:</Text>
        {fields.filter((f) => f.required).map((f) => {
          const ok = taken.has(f.key) || optional.includes(f.key);
          return <Badge key={f.key} color={ok ? 'green' : 'red'} variant="light">{ok ? '✓' : '✗'} {f.label}</Badge>;
        })}
        <Text size="xs" c="dimmed">(* in the lists)</Text>
      </Group>
      {missing.length ? <Alert color="yellow" mt="sm" role="status">Map a column to {missing.map((m) => m.label).join(', ')} before importing.</Alert> : null}
    </>
  );
}
