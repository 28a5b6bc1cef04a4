import { Alert, List } from '@mantine/core';
import { ApiError } from '../api/client';

export function ErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : null;
  return (
    <Alert color="red" title={problem?.title ?? 'Something went wrong'} role="alert">
      {problem?.detail ?? (error instanceof Error ? error.message : String(error))}
      {problem?.errors?.length ? (
        <List size="sm" mt="xs">{problem.errors.map((e, i) => <List.Item key={i}>{e.path}: {e.message}</List.Item>)}</List>
      ) : null}
    </Alert>
  );
}
