import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs, send } from './client';
import type { SavedView, SavedViewList } from './types';

export function useSavedViews(list: SavedViewList) {
  return useQuery({ queryKey: ['saved-views', list], queryFn: () => api<{ data: SavedView[] }>(`/api/v1/saved-views${qs({ list })}`) });
}

export function useSaveView(list: SavedViewList) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; query: string; columns: string[]; shared: boolean }) =>
      send<SavedView>('POST', '/api/v1/saved-views', { list, ...body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['saved-views', list] }),
  });
}

export function useUpdateView(list: SavedViewList) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; name?: string; query?: string; columns?: string[]; shared?: boolean }) =>
      send<SavedView>('PATCH', `/api/v1/saved-views/${id}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['saved-views', list] }),
  });
}

export function useDeleteView(list: SavedViewList) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => send<void>('DELETE', `/api/v1/saved-views/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['saved-views', list] }),
  });
}
