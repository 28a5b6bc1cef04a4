import { Alert, List } from '@mantine/core';
import { ApiError } from '../api/client';

/**
 * An API error as the user should read it: the problem's detail, then each field's message.
 * A 403 reads "Access denied" with the reason (the role may not, or the record is not theirs).
 */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : null;
  const detail = problem?.detail || (error instanceof Error ? error.message : String(error));
  const denied = error instanceof ApiError && error.status === 403 && error.problem?.code !== 'csrf_failed';
  const heading = title ?? (denied ? 'Access denied' : problem?.title || 'Something went wrong');
  return (
    <Alert color={denied ? 'orange' : 'red'} title={heading} role="alert" my="sm">
      {detail}
      {problem?.errors.length ? (
        <List size="sm" mt="xs" aria-label="Problems by field">
          {problem.errors.map((e, i) => <List.Item key={i}><strong>{e.path || 'request'}</strong>: {e.message}</List.Item>)}
        </List>
      ) : null}
    </Alert>
  );
}
