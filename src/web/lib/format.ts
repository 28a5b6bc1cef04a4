/** Display helpers: one place for dates, numbers and names, '—' for what is missing. */
export const DASH = '—';

export const fullName = (p: { firstName: string | null; lastName: string | null; email?: string }) =>
  [p.firstName, p.lastName].filter(Boolean).join(' ') || p.email || DASH;

export const formatDate = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleDateString() : DASH);
export const formatDateTime = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : DASH);
export const formatNumber = (n: number | null | undefined) => (n === null || n === undefined ? DASH : n.toLocaleString());

export function formatMoney(amount: number | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined) return DASH;
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: currency || 'EUR', maximumFractionDigits: 0 }).format(amount);
  } catch {
    return `${amount.toLocaleString()} ${currency ?? ''}`.trim();
  }
}

/** A custom-field value as text (objects as JSON, booleans as yes/no). */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return DASH;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
