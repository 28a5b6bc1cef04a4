import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/** The columns a user hid, kept in the address bar (`hide=a,b`) so links and saved views carry them. */
export function useHiddenColumns() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('hide') ?? '';
  const hidden = useMemo(() => raw.split(',').filter(Boolean), [raw]);
  const setHidden = useCallback((ids: string[]) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (ids.length) next.set('hide', ids.join(',')); else next.delete('hide');
      return next;
    }, { replace: true });
  }, [setParams]);
  return [hidden, setHidden] as const;
}
