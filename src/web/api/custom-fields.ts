import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { CustomField } from './types';

export const useCustomFields = () => useQuery({ queryKey: ['custom-fields'], queryFn: () => api<{ data: CustomField[] }>('/api/v1/custom-fields') });

export type CustomFieldDraft = { entity: string; key: string; label: string; type: string; options?: string[] };

export function useCreateCustomField(onCreated: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (draft: CustomFieldDraft) =>
      api<CustomField>('/api/v1/custom-fields', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(draft) }),
    onSuccess: () => {
      onCreated();
      void client.invalidateQueries({ queryKey: ['custom-fields'] });
      void client.invalidateQueries({ queryKey: ['import-fields'] });
    },
  });
}
