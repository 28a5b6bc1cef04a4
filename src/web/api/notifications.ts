import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, send } from './client';

export type Notice = { id: string; type: string; title: string; body: string | null; link: string | null; readAt: string | null; createdAt: string };
export type Inbox = { data: Notice[]; nextCursor: string | null; unreadCount: number };

/** The signed-in user's latest notices and unread count, polled every 30 s. */
export function useInbox() {
  return useQuery({ queryKey: ['inbox'], refetchInterval: 30_000, queryFn: () => api<Inbox>('/api/v1/notifications?limit=30') });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') => (id === 'all' ? send<unknown>('POST', '/api/v1/notifications/read-all') : send<unknown>('POST', `/api/v1/notifications/${id}/read`)),
    onSuccess: () => client.invalidateQueries({ queryKey: ['inbox'] }),
  });
}
