import { Alert, List } from '@mantine/core';
import { ApiError } from '../api/client';

/** An API error as the user should read it: the problem's detail, then each field's message. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : null;
  const detail = problem?.detail || (error instanceof Error ? error.message : String(error));
  return (
    <Alert color="red" title={title ?? (problem?.title || 'Something went wrong')} role="alert" my="sm">
      {detail}
      {problem?.errors.length ? (
        <List size="sm" mt="xs" aria-label="Problems by field">
          {problem.errors.map((e, i) => <List.Item key={i}><strong>{e.path || 'request'}</strong>: {e.message}</List.Item>)}
        </List>
      ) : null}
    </Alert>
  );
}
