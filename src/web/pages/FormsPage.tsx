import { Code, Loader, Stack, Text, Title } from '@mantine/core';
import { useForms } from '../api/forms';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormSnippet } from '../components/FormSnippet';
import { useTitle } from '../lib/use-title';

export function FormsPage() {
  useTitle('Website forms');
  const q = useForms();
  return (
    <Stack>
      <Title order={2}>Website forms</Title>
      <Text c="dimmed">Paste a snippet into the company website: every submission lands on the person's timeline, matched to their account.</Text>
      <ErrorAlert error={q.error} />
      {q.isLoading ? <Loader aria-label="Loading forms" /> : null}
      {(q.data?.data ?? []).map((f) => <FormSnippet key={f.id} form={f} />)}
      {q.data && q.data.data.length === 0 ? <Text>No forms yet. Create one with <Code>POST /api/v1/forms</Code> (see the API docs).</Text> : null}
    </Stack>
  );
}
