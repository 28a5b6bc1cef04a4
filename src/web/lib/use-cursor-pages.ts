import { useState } from 'react';

/** A stack of cursors: keyset pagination forward, and back to where one came from. */
export function useCursorPages() {
  const [stack, setStack] = useState<string[]>([]);
  return {
    cursor: stack[stack.length - 1],
    hasPrevious: stack.length > 0,
    next: (c: string | null) => { if (c) setStack((s) => [...s, c]); },
    previous: () => setStack((s) => s.slice(0, -1)),
    reset: () => setStack([]),
  };
}
