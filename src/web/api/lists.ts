import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from './client';
import type { Page, Ref, User } from './types';

type Params = Record<string, string | number | undefined>;

/** One page of any list endpoint, kept on screen while the next one loads. */
export function useList<T>(path: string, params: Params, cursor?: string, limit = 50) {
  return useQuery({
    queryKey: ['list', path, params, cursor, limit],
    queryFn: () => api<Page<T>>(`${path}${qs({ ...params, cursor, limit })}`),
    placeholderData: keepPreviousData,
  });
}

/** The CSV export of the same list: same filters and order, every page. */
export const exportUrl = (path: string, params: Params) => `${path}/export.csv${qs(params)}`;

/** Every user as a reference (owner pickers and owner names), cached for the session. */
export function useUserRefs() {
  return useQuery({
    queryKey: ['users', 'refs'],
    staleTime: 5 * 60_000,
    queryFn: async () => {
      const out: (Ref & { role: string; active: boolean })[] = [];
      let cursor: string | undefined;
      do {
        const page = await api<Page<User>>(`/api/v1/users${qs({ limit: 500, cursor, sort: 'name', order: 'asc' })}`);
        out.push(...page.data.map((u) => ({ id: u.id, name: u.name, role: u.role, active: u.active })));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return out;
    },
  });
}

/** A lookup from user id to name, for owner columns. */
export function useUserNames(): (id: string | null) => string {
  const users = useUserRefs().data;
  const byId = new Map((users ?? []).map((u) => [u.id, u.name]));
  return (id) => (id ? byId.get(id) ?? '…' : '—');
}
