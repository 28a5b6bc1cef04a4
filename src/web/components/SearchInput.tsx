import { TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';

/** A text filter that reports its value once typing pauses, so the list is not refetched per keystroke. */
export function SearchInput({ value, onSearch, ...props }: { value: string; onSearch: (v: string) => void } & Omit<TextInputProps, 'value' | 'onChange'>) {
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text, 300);
  useEffect(() => { if (debounced.trim() !== value) onSearch(debounced.trim()); }, [debounced]); // only when the typed text settles
  useEffect(() => { setText((t) => (t.trim() === value ? t : value)); }, [value]); // the URL changed (back, a link)
  return <TextInput type="search" {...props} value={text} onChange={(e) => setText(e.currentTarget.value)} />;
}
