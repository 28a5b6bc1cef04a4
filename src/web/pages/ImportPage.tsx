import { Alert, Badge, Button, Card, FileInput, Group, Progress, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, qs } from '../api/client';
import type { ImportField, ImportSummary, Page, Problem } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { parseCsvPreview, suggestMapping } from '../lib/csv-preview';

const KINDS = [
  { value: 'people', label: 'People (leads and contacts)' }, { value: 'accounts', label: 'Accounts' },
  { value: 'opportunities', label: 'Opportunities' }, { value: 'touchpoints', label: 'Touchpoints' },
  { value: 'badge_scans', label: 'Trade-show badge scans' },
];

type Result = { summary: ImportSummary; problem: Problem | null };

/** Uploads with XMLHttpRequest for its upload progress events. */
function upload(url: string, file: File, onProgress: (p: number) => void): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress((e.loaded / e.total) * 100); };
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.responseText ? JSON.parse(xhr.responseText) : null });
    xhr.onerror = () => reject(new Error('The upload failed: the server could not be reached.'));
    xhr.send(file);
  });
}

export function ImportPage() {
  const [kind, setKind] = useState<string>('people');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<{ headers: string[]; rows: string[][] } | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [eventDate, setEventDate] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<unknown>(null);
  const client = useQueryClient();
  const fields = useQuery({ queryKey: ['import-fields', kind], queryFn: () => api<{ data: ImportField[] }>(`/api/v1/imports/fields/${kind}`) });
  const recent = useQuery({ queryKey: ['imports'], queryFn: () => api<Page<ImportSummary>>('/api/v1/imports?limit=10') });

  const choose = async (f: File | null, k = kind) => {
    setFile(f); setResult(null); setError(null);
    if (!f) { setPreview(null); return; }
    const p = parseCsvPreview(await f.slice(0, 256 * 1024).text(), 10);
    setPreview(p);
    const list = await client.fetchQuery({ queryKey: ['import-fields', k], queryFn: () => api<{ data: ImportField[] }>(`/api/v1/imports/fields/${k}`) });
    setMapping(suggestMapping(p.headers, list.data));
  };

  const missing = (fields.data?.data ?? []).filter((f) => f.required && !Object.values(mapping).includes(f.key) && !(kind === 'badge_scans' && f.key === 'occurredAt'));

  const submit = async () => {
    if (!file) return;
    setProgress(0); setResult(null); setError(null);
    try {
      const url = `/api/v1/imports/${kind}${qs({ fileName: file.name, mapping: JSON.stringify(mapping), occurredAt: eventDate || undefined })}`;
      const res = await upload(url, file, setProgress);
      const body = res.body as (ImportSummary & { import?: ImportSummary }) | Problem;
      if (res.status === 201) setResult({ summary: body as ImportSummary, problem: null });
      else if ('import' in body && body.import) setResult({ summary: body.import, problem: body as unknown as Problem });
      else setError(new Error((body as Problem).detail ?? `Import failed (${res.status})`));
      void client.invalidateQueries();
    } catch (e) { setError(e); } finally { setProgress(null); }
  };

  return (
    <Stack>
      <Title order={2}>Import a CSV</Title>
      <Group align="end">
        <Select label="What the file holds" data={KINDS} value={kind} allowDeselect={false} onChange={(v) => { setKind(v!); void choose(file, v!); }} w={260} />
        <FileInput label="CSV file (UTF-8)" placeholder="Choose a file" accept=".csv,text/csv" value={file} onChange={(f) => void choose(f)} w={300} clearable />
        {kind === 'badge_scans' ? <TextInput label="Event date (rows without a scan time)" placeholder="2026-04-14" value={eventDate} onChange={(e) => setEventDate(e.currentTarget.value)} /> : null}
      </Group>
      {preview ? (
        <Card withBorder>
          <Title order={4} mb="xs">Columns</Title>
          <Table aria-label="Column mapping">
            <Table.Thead><Table.Tr><Table.Th>Column in the file</Table.Th><Table.Th>First values</Table.Th><Table.Th>Truce field</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {preview.headers.map((h, i) => (
                <Table.Tr key={h}>
                  <Table.Td>{h}</Table.Td>
                  <Table.Td><Text size="xs" c="dimmed">{preview.rows.slice(0, 3).map((r) => r[i] ?? '').join(' · ')}</Text></Table.Td>
                  <Table.Td>
                    <Select aria-label={`Field for column ${h}`} size="xs" clearable placeholder="keep as extra data"
                      data={(fields.data?.data ?? []).map((f) => ({ value: f.key, label: `${f.label}${f.required ? ' *' : ''}` }))}
                      value={mapping[h] ?? null}
                      onChange={(v) => setMapping((m) => { const n = { ...m }; if (v) n[h] = v; else delete n[h]; return n; })} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {missing.length ? <Alert color="yellow" mt="sm">Map a column to: {missing.map((m) => m.label).join(', ')}</Alert> : null}
          <Text size="sm" c="dimmed" mt="xs">Preview of the first {preview.rows.length} rows. Bad rows are reported by row number; good rows are kept; importing the same file again creates no duplicates.</Text>
          <Group mt="sm">
            <Button onClick={() => void submit()} disabled={missing.length > 0 || progress !== null}>Import {file?.name}</Button>
            {progress !== null ? <Progress value={progress} w={240} aria-label="Upload progress" /> : null}
          </Group>
        </Card>
      ) : null}
      <ErrorAlert error={error} />
      {result ? (
        <Card withBorder data-testid="import-result">
          <Group>
            <Badge color={result.summary.status === 'completed' ? (result.summary.rowsFailed ? 'yellow' : 'green') : 'red'}>{result.summary.status}</Badge>
            <Text>{result.summary.rowsRead} rows read · {result.summary.rowsOk} imported · {result.summary.rowsFailed} failed</Text>
            {result.summary.rowsFailed ? <Button component="a" size="xs" variant="default" href={`/api/v1/imports/${result.summary.id}/errors.csv`}>Download row errors</Button> : null}
          </Group>
          {result.summary.error ? <Alert color="red" mt="sm" role="alert">{result.summary.error}</Alert> : null}
          {result.summary.errors?.length ? (
            <Table mt="sm" aria-label="Row errors">
              <Table.Thead><Table.Tr><Table.Th>Row</Table.Th><Table.Th>Field</Table.Th><Table.Th>Problem</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>{result.summary.errors.slice(0, 200).map((e, i) => <Table.Tr key={i}><Table.Td>{e.rowNumber}</Table.Td><Table.Td>{e.field}</Table.Td><Table.Td>{e.message}</Table.Td></Table.Tr>)}</Table.Tbody>
            </Table>
          ) : null}
        </Card>
      ) : null}
      <Title order={4}>Recent imports</Title>
      <Table aria-label="Recent imports">
        <Table.Thead><Table.Tr><Table.Th>Started</Table.Th><Table.Th>Kind</Table.Th><Table.Th>File</Table.Th><Table.Th>Status</Table.Th><Table.Th>Imported</Table.Th><Table.Th>Failed</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>{(recent.data?.data ?? []).map((i) => <Table.Tr key={i.id}><Table.Td>{new Date(i.startedAt).toLocaleString()}</Table.Td><Table.Td>{i.kind}</Table.Td><Table.Td>{i.fileName}</Table.Td><Table.Td>{i.status}</Table.Td><Table.Td>{i.rowsOk}</Table.Td><Table.Td>{i.rowsFailed}</Table.Td></Table.Tr>)}</Table.Tbody>
      </Table>
    </Stack>
  );
}
