import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, send } from './client';

export type Team = { id: string; name: string; kind: string; managerId: string | null; createdAt: string };
export type ApiKey = {
  id: string; name: string; prefix: string; role: string; userId: string; userName: string | null; createdBy?: string | null;
  createdAt: string; lastUsedAt: string | null; revokedAt: string | null;
};
export type CreatedApiKey = ApiKey & { token: string };
export type AuditEntry = {
  id: number; at: string; actorType: string; actorId: string | null; actorName: string | null; entity: string; entityId: string;
  action: string; before: unknown; after: unknown;
};

export function useTeams() {
  return useQuery({ queryKey: ['teams'], staleTime: 60_000, queryFn: () => api<{ data: Team[] }>('/api/v1/teams') });
}

export function useCreateTeam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => send<Team>('POST', '/api/v1/teams', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['teams'] }),
  });
}

export function useApiKeys() {
  return useQuery({ queryKey: ['api-keys'], queryFn: () => api<{ data: ApiKey[] }>('/api/v1/api-keys') });
}

export function useCreateApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => send<CreatedApiKey>('POST', '/api/v1/api-keys', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['api-keys'] }),
  });
}

export function useRevokeApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => send<void>('DELETE', `/api/v1/api-keys/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['api-keys'] }),
  });
}

/** Any write to the users API, refreshing the users list and the user pickers after. */
export function useUserWrite<T = unknown>(method: 'POST' | 'PATCH', path: (body: Record<string, unknown>) => string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => send<T>(method, path(body), (({ _id, ...rest }) => rest)(body)),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['list', '/api/v1/users'] });
      void client.invalidateQueries({ queryKey: ['users'] });
    },
  });
}
