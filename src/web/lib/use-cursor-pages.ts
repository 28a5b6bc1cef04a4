import { useState } from 'react';

/**
 * A stack of cursors for keyset pagination: forward with the server's nextCursor, back by popping.
 * The stack belongs to one `key` (filters + sort): when the key changes the list starts over.
 */
export function useCursorPages(key: string) {
  const [state, setState] = useState<{ key: string; stack: string[] }>({ key, stack: [] });
  const stack = state.key === key ? state.stack : [];
  return {
    cursor: stack[stack.length - 1],
    page: stack.length + 1,
    hasPrevious: stack.length > 0,
    next: (cursor: string | null | undefined) => { if (cursor) setState({ key, stack: [...stack, cursor] }); },
    previous: () => setState({ key, stack: stack.slice(0, -1) }),
  };
}
