import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs, send } from './client';

export { EVENT_TYPES } from '../../db/schema/vocabulary';

export type WebhookEndpoint = {
  id: string; url: string; description: string | null; eventTypes: string[]; active: boolean; createdById: string | null;
  createdAt: string; updatedAt: string; lastDeliveryAt: string | null;
  deliveries: { pending: number; succeeded: number; failed: number; dead: number };
};
export type CreatedWebhookEndpoint = WebhookEndpoint & { secret: string };
export type WebhookDelivery = {
  id: string; endpointId: string; eventId: string; eventType: string; occurredAt: string; status: 'pending' | 'succeeded' | 'failed' | 'dead';
  attempts: number; nextAttemptAt: string; lastAttemptAt: string | null; lastStatusCode: number | null; lastError: string | null;
  lastDurationMs: number | null; deliveredAt: string | null; createdAt: string;
};
export type WebhookTestResult = { ok: boolean; webhookId: string; statusCode: number | null; error: string | null; durationMs: number };

const PATH = '/api/v1/webhooks/endpoints';

export function useWebhookEndpoints() {
  return useQuery({ queryKey: ['webhook-endpoints'], queryFn: () => api<{ data: WebhookEndpoint[] }>(PATH) });
}

/** The delivery log of one endpoint, refreshed every 5 s while shown (deliveries go out within seconds). */
export function useWebhookDeliveries(endpointId: string | null, status?: string) {
  return useQuery({
    queryKey: ['webhook-deliveries', endpointId, status ?? ''],
    enabled: !!endpointId,
    refetchInterval: 5_000,
    queryFn: () => api<{ data: WebhookDelivery[]; nextCursor: string | null }>(`${PATH}/${endpointId}/deliveries${qs({ limit: 100, status })}`),
  });
}

function useWebhookWrite<T, V>(fn: (v: V) => Promise<T>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['webhook-endpoints'] });
      void client.invalidateQueries({ queryKey: ['webhook-deliveries'] });
    },
  });
}

export const useCreateWebhookEndpoint = () => useWebhookWrite((body: Record<string, unknown>) => send<CreatedWebhookEndpoint>('POST', PATH, body));
export const useUpdateWebhookEndpoint = () => useWebhookWrite(({ id, ...body }: { id: string } & Record<string, unknown>) => send<WebhookEndpoint>('PATCH', `${PATH}/${id}`, body));
export const useDeleteWebhookEndpoint = () => useWebhookWrite((id: string) => send<void>('DELETE', `${PATH}/${id}`));
export const useRotateWebhookSecret = () => useWebhookWrite((id: string) => send<{ secret: string }>('POST', `${PATH}/${id}/rotate-secret`));
export const useTestWebhook = () => useWebhookWrite((id: string) => send<WebhookTestResult>('POST', `${PATH}/${id}/test`));
export const useRedeliverWebhook = () => useWebhookWrite(({ endpointId, deliveryId }: { endpointId: string; deliveryId: string }) =>
  send<WebhookDelivery>('POST', `${PATH}/${endpointId}/deliveries/${deliveryId}/redeliver`));
