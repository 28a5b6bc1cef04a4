import { Badge, Button, Card, Code, CopyButton, Group, Loader, Text } from '@mantine/core';
import { useFormSnippet } from '../api/forms';
import type { Form } from '../api/types';
import { humanize } from '../lib/vocabulary';
import { ErrorAlert } from './ErrorAlert';

/** One website form and the HTML to paste into the site, with a copy button. */
export function FormSnippet({ form }: { form: Form }) {
  const q = useFormSnippet(form.id);
  return (
    <Card withBorder component="section" aria-label={form.name}>
      <Group justify="space-between" mb="xs" align="start">
        <div>
          <Group gap="xs">
            <Text fw={600}>{form.name}</Text>
            <Badge size="xs" color={form.active ? 'green' : 'gray'}>{form.active ? 'active' : 'inactive'}</Badge>
          </Group>
          <Text size="sm" c="dimmed">
            posts to /f/{form.key} · records a {humanize(form.kind)} · allowed origins: {form.allowedOrigins.join(', ') || 'none (plain form posts only)'}
            {form.redirectUrl ? ` · then redirects to ${form.redirectUrl}` : ''}
          </Text>
        </div>
        {q.data ? (
          <CopyButton value={q.data.html} timeout={2000}>
            {({ copied, copy }) => (
              <Button size="xs" variant={copied ? 'light' : 'default'} color={copied ? 'green' : undefined} onClick={copy} aria-label={`Copy the HTML snippet for ${form.name}`}>
                {copied ? 'Copied' : 'Copy HTML'}
              </Button>
            )}
          </CopyButton>
        ) : null}
      </Group>
      <ErrorAlert error={q.error} />
      {q.isLoading ? <Loader size="sm" aria-label="Loading snippet" /> : null}
      {q.data ? <Code block aria-label={`HTML snippet for ${form.name}`} style={{ maxHeight: 320, overflow: 'auto' }}>{q.data.html}</Code> : null}
    </Card>
  );
}
