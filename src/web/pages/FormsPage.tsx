import { Button, Card, Code, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Form } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';

function Snippet({ form }: { form: Form }) {
  const q = useQuery({ queryKey: ['snippet', form.id], queryFn: () => api<{ html: string }>(`/api/v1/forms/${form.id}/snippet`) });
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <div><Text fw={600}>{form.name}</Text><Text size="sm" c="dimmed">posts to /f/{form.key} · records a {form.kind.replace(/_/g, ' ')} · allowed origins: {form.allowedOrigins.join(', ') || 'none (plain form posts only)'}</Text></div>
        {q.data ? <CopyButton value={q.data.html}>{({ copied, copy }) => <Button size="xs" variant="default" onClick={copy}>{copied ? 'Copied' : 'Copy HTML'}</Button>}</CopyButton> : null}
      </Group>
      <ErrorAlert error={q.error} />
      {q.data ? <Code block aria-label={`HTML snippet for ${form.name}`}>{q.data.html}</Code> : null}
    </Card>
  );
}

export function FormsPage() {
  const q = useQuery({ queryKey: ['forms'], queryFn: () => api<{ data: Form[] }>('/api/v1/forms') });
  return (
    <Stack>
      <Title order={2}>Website forms</Title>
      <Text c="dimmed">Paste a snippet into the company website: every submission lands on the person's timeline, matched to their account.</Text>
      <ErrorAlert error={q.error} />
      {(q.data?.data ?? []).map((f) => <Snippet key={f.id} form={f} />)}
      {q.data && q.data.data.length === 0 ? <Text>No forms yet. Create one with POST /api/v1/forms.</Text> : null}
    </Stack>
  );
}
