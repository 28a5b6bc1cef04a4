import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export type Role = 'admin' | 'marketing' | 'sdr' | 'sales_rep' | 'sales_manager' | 'product' | 'exec';
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin', marketing: 'Marketing', sdr: 'SDR', sales_rep: 'Account executive', sales_manager: 'Sales manager', product: 'Product', exec: 'Executive',
};

export type SessionUser = { id: string; email: string; name: string; role: Role; teamId: string | null; managerId: string | null; timezone: string };
export type Session = { user: SessionUser; role: Role; via: 'session' | 'api_key' | 'system'; teamUserIds: string[]; csrfToken: string | null };

/** The signed-in user; a 401 means "not signed in" (the app then shows the sign-in page). */
export function useSession() {
  return useQuery({ queryKey: ['session'], queryFn: () => api<Session>('/api/v1/auth/session'), staleTime: 5 * 60_000, retry: false });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => api<Session>('/api/v1/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) }),
    onSuccess: (session) => { client.clear(); client.setQueryData(['session'], session); },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/v1/auth/sign-out', { method: 'POST' }),
    onSettled: () => { client.clear(); },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => api<void>('/api/v1/auth/password', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) }),
  });
}
