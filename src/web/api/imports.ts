import { useQuery } from '@tanstack/react-query';
import { api, ApiError, asProblem, csrfToken, parseBody } from './client';
import type { ImportField, ImportKind, ImportSummary, Page } from './types';

export const importFieldsQuery = (kind: ImportKind) => ({
  queryKey: ['import-fields', kind],
  queryFn: () => api<{ data: ImportField[] }>(`/api/v1/imports/fields/${kind}`),
  staleTime: 60_000,
});

export const useImportFields = (kind: ImportKind) => useQuery(importFieldsQuery(kind));

export const useRecentImports = () =>
  useQuery({ queryKey: ['imports'], queryFn: () => api<Page<ImportSummary>>('/api/v1/imports?limit=10&sort=startedAt&order=desc') });

export type UploadOptions = { kind: ImportKind; file: File; mapping: Record<string, string>; occurredAt?: string; onProgress: (percent: number) => void };

/** What an upload ended with: a summary (201), or a problem that may still carry the import it failed (invalid CSV). */
export type UploadOutcome = { summary: ImportSummary | null; error: ApiError | null };

export function importUrl(kind: ImportKind, fileName: string, mapping: Record<string, string>, occurredAt?: string): string {
  let url = `/api/v1/imports/${kind}?fileName=${encodeURIComponent(fileName)}&mapping=${encodeURIComponent(JSON.stringify(mapping))}`;
  if (occurredAt) url += `&occurredAt=${encodeURIComponent(occurredAt)}`;
  return url;
}

/** Uploads the file as text/csv with XMLHttpRequest, for its upload progress events (fetch has none). */
export function uploadImport({ kind, file, mapping, occurredAt, onProgress }: UploadOptions): Promise<UploadOutcome> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', importUrl(kind, file.name, mapping, occurredAt));
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrfToken());
    xhr.upload.onprogress = (e) => { if (e.lengthComputable && e.total > 0) onProgress(Math.round((e.loaded / e.total) * 100)); };
    xhr.upload.onload = () => onProgress(100);
    xhr.onload = () => {
      const body = parseBody(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300 && body) { resolve({ summary: body as ImportSummary, error: null }); return; }
      const failed = body && typeof body === 'object' && 'import' in body ? (body as { import: ImportSummary }).import : null;
      resolve({ summary: failed, error: new ApiError(xhr.status, asProblem(body)) });
    };
    xhr.onerror = () => reject(new Error('The upload failed: the server could not be reached.'));
    xhr.onabort = () => reject(new Error('The upload was cancelled.'));
    xhr.send(file);
  });
}
