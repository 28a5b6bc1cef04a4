import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from './client';

export type SearchHit = { type: 'person' | 'account' | 'opportunity'; id: string; label: string; detail: string | null };

export function useSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: ['search', term], enabled: term.length >= 2, placeholderData: keepPreviousData,
    queryFn: () => api<{ data: SearchHit[] }>(`/api/v1/search${qs({ q: term })}`),
  });
}

export const hitPath = (h: SearchHit) => `/${h.type === 'person' ? 'people' : h.type === 'account' ? 'accounts' : 'opportunities'}/${h.id}`;
