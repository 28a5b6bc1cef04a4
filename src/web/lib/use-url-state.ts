import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * Filters and sort kept in the address bar, so a list survives going to a record and back, and can be
 * shared as a link. Values equal to their default are left out of the URL.
 */
export function useUrlState<K extends string>(defaults: Record<K, string>) {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => {
    const out = { ...defaults };
    for (const k of Object.keys(defaults) as K[]) out[k] = params.get(k) ?? defaults[k];
    return out;
  }, [params]); // defaults: a constant per page
  const set = useCallback((patch: Partial<Record<K, string | null>>) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch) as [K, string | null][]) {
        if (v && v !== defaults[k]) next.set(k, v); else next.delete(k);
      }
      return next;
    }, { replace: true });
  }, [setParams]);
  return [values, set] as const;
}

/** Drops empty values, for query strings and query keys. */
export function compact<T extends Record<string, string>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()])) as Partial<T>;
}
