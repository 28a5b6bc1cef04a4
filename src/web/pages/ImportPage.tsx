import { Button, Card, FileInput, Group, Progress, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { uploadImport, useImportFields } from '../api/imports';
import type { ImportKind, ImportSummary } from '../api/types';
import { CsvPreviewTable } from '../components/CsvPreviewTable';
import { ErrorAlert } from '../components/ErrorAlert';
import { ImportMapping, missingRequired, type Mapping } from '../components/ImportMapping';
import { ImportResult } from '../components/ImportResult';
import { RecentImports } from '../components/RecentImports';
import { parseCsvPreview, suggestMapping, type CsvPreview } from '../lib/csv-preview';
import { useTitle } from '../lib/use-title';

const KINDS: { value: ImportKind; label: string }[] = [
  { value: 'people', label: 'People (leads and contacts)' }, { value: 'accounts', label: 'Accounts' },
  { value: 'opportunities', label: 'Opportunities' }, { value: 'touchpoints', label: 'Touchpoints' },
  { value: 'badge_scans', label: 'Trade-show badge scans' },
];
const PREVIEW_BYTES = 128 * 1024;

/** Every header mapped: to a field, or to '' (kept as extra data), so the server does exactly what the screen shows. */
function fullMapping(preview: CsvPreview, mapping: Mapping): Mapping {
  return Object.fromEntries(preview.headers.filter((h) => h).map((h) => [h, mapping[h] ?? '']));
}

export function ImportPage() {
  useTitle('Import');
  const client = useQueryClient();
  const [kind, setKind] = useState<ImportKind>('people');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [eventDate, setEventDate] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const fields = useImportFields(kind);
  const fieldList = fields.data?.data;

  // A new file or a new kind: suggest the mapping again from the names.
  useEffect(() => { if (preview && fieldList) setMapping(suggestMapping(preview.headers, fieldList)); }, [preview, fieldList]);

  const choose = async (f: File | null) => {
    setFile(f); setResult(null); setError(null); setPreview(null);
    if (!f) return;
    try {
      const p = parseCsvPreview(await f.slice(0, PREVIEW_BYTES).text(), 20);
      if (!p.headers.length) throw new Error('The file is empty: the first line must name the columns.');
      setPreview(p);
    } catch (e) { setError(e); }
  };

  const optional = kind === 'badge_scans' && eventDate ? ['occurredAt'] : [];
  const missing = fieldList ? missingRequired(fieldList, mapping, optional) : [];
  const uploading = progress !== null;

  const submit = async () => {
    if (!file || !preview) return;
    setProgress(0); setResult(null); setError(null);
    try {
      const out = await uploadImport({ kind, file, mapping: fullMapping(preview, mapping), occurredAt: eventDate || undefined, onProgress: setProgress });
      setResult(out.summary);
      setError(out.error);
      void client.invalidateQueries();
    } catch (e) { setError(e); } finally { setProgress(null); }
  };

  return (
    <Stack>
      <Title order={2}>Import a CSV</Title>
      <Group align="end">
        <Select label="What the file holds" data={KINDS} value={kind} allowDeselect={false} onChange={(v) => { setKind(v as ImportKind); setResult(null); }} w={260} disabled={uploading} />
        <FileInput label="CSV file (UTF-8, comma-separated)" placeholder="Choose a file" accept=".csv,text/csv" value={file} onChange={(f) => void choose(f)} w={320} clearable disabled={uploading} />
        {kind === 'badge_scans' ? (
          <TextInput label="Event date (for rows without a scan time)" placeholder="2026-04-14" value={eventDate} onChange={(e) => setEventDate(e.currentTarget.value)} />
        ) : null}
      </Group>
      <ErrorAlert error={fields.error} title="The fields for this kind could not be loaded" />
      {preview ? (
        <Card withBorder component="section" aria-labelledby="preview-title">
          <Title order={3} size="h4" mb="xs" id="preview-title">Preview</Title>
          <CsvPreviewTable preview={preview} />
        </Card>
      ) : null}
      {preview && fieldList ? (
        <Card withBorder component="section" aria-labelledby="mapping-title">
          <Title order={3} size="h4" mb="xs" id="mapping-title">Columns</Title>
          <ImportMapping preview={preview} fields={fieldList} mapping={mapping} onChange={setMapping} optional={optional} />
          <Text size="sm" c="dimmed" mt="xs">Bad rows are reported by row number and good rows are kept; importing the same file again creates no duplicates.</Text>
          <Group mt="sm">
            <Button onClick={() => void submit()} disabled={missing.length > 0 || uploading}>Import {file?.name}</Button>
            {uploading ? (
              <Stack gap={2} w={260}>
                <Progress value={progress} animated={progress >= 100} aria-label="Upload progress" />
                <Text size="xs" c="dimmed" aria-live="polite">{progress < 100 ? `Uploading… ${progress}%` : 'Uploaded; importing rows…'}</Text>
              </Stack>
            ) : null}
          </Group>
        </Card>
      ) : null}
      <ErrorAlert error={error} title="The import failed" />
      {result ? <ImportResult summary={result} /> : null}
      <Title order={3} size="h4">Recent imports</Title>
      <RecentImports />
    </Stack>
  );
}
