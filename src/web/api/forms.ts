import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Form } from './types';

export const useForms = () => useQuery({ queryKey: ['forms'], queryFn: () => api<{ data: Form[] }>('/api/v1/forms') });

export const useFormSnippet = (id: string) =>
  useQuery({ queryKey: ['form-snippet', id], queryFn: () => api<{ html: string }>(`/api/v1/forms/${encodeURIComponent(id)}/snippet`) });
