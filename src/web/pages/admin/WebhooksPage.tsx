import { Alert, Badge, Button, Code, CopyButton, Group, Modal, MultiSelect, SegmentedControl, Stack, Switch, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import {
  EVENT_TYPES, useCreateWebhookEndpoint, useDeleteWebhookEndpoint, useRedeliverWebhook, useRotateWebhookSecret, useTestWebhook,
  useUpdateWebhookEndpoint, useWebhookDeliveries, useWebhookEndpoints, type WebhookDelivery, type WebhookEndpoint, type WebhookTestResult,
} from '../../api/webhooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../lib/field-errors';
import { formatDateTime } from '../../lib/format';
import { useTitle } from '../../lib/use-title';

const STATUS_COLORS: Record<WebhookDelivery['status'], string> = { pending: 'blue', succeeded: 'green', failed: 'orange', dead: 'red' };

/** The signing secret, once: after this dialog closes it can only be replaced (rotated). */
function ShowSecret({ secret, title, onClose }: { secret: string; title: string; onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title={title} closeOnClickOutside={false}>
      <Stack>
        <Alert color="yellow" title="Copy the signing secret now">Receivers verify each message with it (Standard Webhooks). It is shown this once; rotate it to get a new one.</Alert>
        <Code block aria-label="Signing secret">{secret}</Code>
        <Group justify="flex-end">
          <CopyButton value={secret}>{({ copied, copy }) => <Button variant="default" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
          <Button onClick={onClose}>I have stored it</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function CreateEndpoint({ onClose, onCreated }: { onClose: () => void; onCreated: (secret: string, id: string) => void }) {
  const create = useCreateWebhookEndpoint();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [eventTypes, setEventTypes] = useState<string[]>([]);
  const errors = fieldErrors(create.error);
  return (
    <Modal opened onClose={onClose} title="New webhook endpoint">
      <form onSubmit={(e) => { e.preventDefault(); create.mutate({ url, description: description || null, eventTypes }, { onSuccess: (made) => onCreated(made.secret, made.id) }); }}>
        <Stack>
          <TextInput label="URL" required placeholder="https://example.com/hooks/truce" value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={errors.url}
            description="https or http, on a public address" />
          <TextInput label="Description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
          <MultiSelect label="Events" data={[...EVENT_TYPES]} value={eventTypes} onChange={setEventTypes} placeholder={eventTypes.length ? undefined : 'All events'} clearable searchable comboboxProps={{ withinPortal: false }}
            description="None picked = every event" />
          {create.error && !errors.url ? <ErrorAlert error={create.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={create.isPending}>Create endpoint</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function DeliveryLog({ endpoint }: { endpoint: WebhookEndpoint }) {
  const [status, setStatus] = useState('all');
  const log = useWebhookDeliveries(endpoint.id, status === 'all' ? undefined : status);
  const redeliver = useRedeliverWebhook();
  const rows = log.data?.data ?? [];
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h4">Deliveries to {endpoint.url}</Title>
        <SegmentedControl size="xs" value={status} onChange={setStatus} data={['all', 'pending', 'succeeded', 'failed', 'dead']} aria-label="Delivery status" />
      </Group>
      <ErrorAlert error={log.error ?? redeliver.error} />
      <Table.ScrollContainer minWidth={900}>
        <Table striped aria-label="Delivery log">
          <Table.Thead><Table.Tr>
            <Table.Th>Event</Table.Th><Table.Th>Occurred</Table.Th><Table.Th>Status</Table.Th><Table.Th>Attempts</Table.Th><Table.Th>Code</Table.Th>
            <Table.Th>Duration</Table.Th><Table.Th>Last error</Table.Th><Table.Th>Next try</Table.Th><Table.Th>Actions</Table.Th>
          </Table.Tr></Table.Thead>
          <Table.Tbody>
            {rows.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td><Tooltip label={`webhook-id ${d.eventId}`}><Text size="sm">{d.eventType}</Text></Tooltip></Table.Td>
                <Table.Td>{formatDateTime(d.occurredAt)}</Table.Td>
                <Table.Td><Badge color={STATUS_COLORS[d.status]} variant="light">{d.status}</Badge></Table.Td>
                <Table.Td>{d.attempts}</Table.Td>
                <Table.Td>{d.lastStatusCode ?? '—'}</Table.Td>
                <Table.Td>{d.lastDurationMs === null ? '—' : `${d.lastDurationMs} ms`}</Table.Td>
                <Table.Td><Text size="xs" lineClamp={2} maw={280}>{d.lastError ?? '—'}</Text></Table.Td>
                <Table.Td>{d.status === 'failed' || d.status === 'pending' ? formatDateTime(d.nextAttemptAt) : '—'}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" loading={redeliver.isPending && redeliver.variables?.deliveryId === d.id}
                    aria-label={`Redeliver ${d.eventType} ${d.eventId}`} onClick={() => redeliver.mutate({ endpointId: endpoint.id, deliveryId: d.id })}>Redeliver</Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {log.data && rows.length === 0 ? <Text c="dimmed" size="sm">No deliveries yet. Events from now on are delivered within seconds.</Text> : null}
    </Stack>
  );
}

export function WebhooksPage() {
  useTitle('Webhooks');
  const endpoints = useWebhookEndpoints();
  const update = useUpdateWebhookEndpoint();
  const remove = useDeleteWebhookEndpoint();
  const rotate = useRotateWebhookSecret();
  const test = useTestWebhook();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ secret: string; title: string } | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [tested, setTested] = useState<(WebhookTestResult & { url: string }) | null>(null);
  const [deleting, setDeleting] = useState<WebhookEndpoint | null>(null);
  const list = endpoints.data?.data ?? [];
  const shown = list.find((e) => e.id === selected) ?? null;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Webhooks</Title>
        <Button onClick={() => setCreating(true)}>New endpoint</Button>
      </Group>
      <Text c="dimmed" size="sm">
        Events (a new MQL, a stage change, hand-offs…) are POSTed to these URLs, signed per Standard Webhooks, and retried with backoff for about two days.
        See <a href="/docs">the API docs</a> and docs/webhooks.md to verify a signature.
      </Text>
      <ErrorAlert error={endpoints.error ?? update.error ?? remove.error ?? rotate.error ?? test.error} />
      {tested ? (
        <Alert color={tested.ok ? 'green' : 'red'} title={tested.ok ? 'Test message delivered' : 'Test message failed'} withCloseButton onClose={() => setTested(null)} role="status">
          {tested.url}: {tested.statusCode ? `HTTP ${tested.statusCode}` : 'no answer'} in {tested.durationMs} ms{tested.error ? ` — ${tested.error}` : ''}
        </Alert>
      ) : null}
      <Table.ScrollContainer minWidth={900}>
        <Table striped aria-label="Webhook endpoints">
          <Table.Thead><Table.Tr>
            <Table.Th>URL</Table.Th><Table.Th>Events</Table.Th><Table.Th>Active</Table.Th><Table.Th>Delivered</Table.Th><Table.Th>Failing</Table.Th>
            <Table.Th>Last attempt</Table.Th><Table.Th>Actions</Table.Th>
          </Table.Tr></Table.Thead>
          <Table.Tbody>
            {list.map((e) => (
              <Table.Tr key={e.id} bg={e.id === selected ? 'var(--mantine-color-blue-light)' : undefined}>
                <Table.Td><Text size="sm" ff="monospace">{e.url}</Text>{e.description ? <Text size="xs" c="dimmed">{e.description}</Text> : null}</Table.Td>
                <Table.Td>{e.eventTypes.length ? <Group gap={4}>{e.eventTypes.map((t) => <Badge key={t} size="xs" variant="outline">{t}</Badge>)}</Group> : <Text size="sm">all</Text>}</Table.Td>
                <Table.Td><Switch checked={e.active} aria-label={`Active: ${e.url}`} onChange={(ev) => update.mutate({ id: e.id, active: ev.currentTarget.checked })} /></Table.Td>
                <Table.Td>{e.deliveries.succeeded}</Table.Td>
                <Table.Td>
                  {e.deliveries.failed ? <Badge color="orange" variant="light">{e.deliveries.failed} retrying</Badge> : null}{' '}
                  {e.deliveries.dead ? <Badge color="red" variant="light">{e.deliveries.dead} dead</Badge> : null}
                  {!e.deliveries.failed && !e.deliveries.dead ? '—' : null}
                </Table.Td>
                <Table.Td>{formatDateTime(e.lastDeliveryAt)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="xs" variant="light" onClick={() => setSelected(e.id === selected ? null : e.id)} aria-label={`Deliveries of ${e.url}`}>Deliveries</Button>
                    <Button size="xs" variant="subtle" loading={test.isPending && test.variables === e.id} onClick={() => test.mutate(e.id, { onSuccess: (r) => setTested({ ...r, url: e.url }) })}>Send test</Button>
                    <Button size="xs" variant="subtle" onClick={() => rotate.mutate(e.id, { onSuccess: (r) => setSecret({ secret: r.secret, title: `New secret for ${e.url}` }) })}>Rotate secret</Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(e)}>Delete</Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {endpoints.data && list.length === 0 ? <Text c="dimmed">No endpoints yet.</Text> : null}
      {shown ? <DeliveryLog endpoint={shown} /> : null}
      {creating ? (
        <CreateEndpoint onClose={() => setCreating(false)} onCreated={(s, id) => { setCreating(false); setSelected(id); setSecret({ secret: s, title: 'Webhook endpoint created' }); }} />
      ) : null}
      {secret ? <ShowSecret secret={secret.secret} title={secret.title} onClose={() => setSecret(null)} /> : null}
      {deleting ? (
        <Modal opened onClose={() => setDeleting(null)} title="Delete this endpoint?">
          <Stack>
            <Text size="sm">Nothing more is sent to {deleting.url}, and its delivery log is deleted.</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(null)}>Cancel</Button>
              <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(deleting.id, { onSuccess: () => { setDeleting(null); if (selected === deleting.id) setSelected(null); } })}>Delete endpoint</Button>
            </Group>
          </Stack>
        </Modal>
      ) : null}
    </Stack>
  );
}
