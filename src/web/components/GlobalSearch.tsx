import { Combobox, Group, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { hitPath, useSearch, type SearchHit } from '../api/search';

const TYPE_LABEL: Record<SearchHit['type'], string> = { person: 'Person', account: 'Account', opportunity: 'Deal' };

/** The top bar's search: people, accounts and deals you may see; Enter or click opens the record. */
export function GlobalSearch() {
  const [value, setValue] = useState('');
  const [debounced] = useDebouncedValue(value, 200);
  const search = useSearch(debounced);
  const navigate = useNavigate();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const hits = debounced.trim().length >= 2 ? search.data?.data ?? [] : [];
  const open = (key: string) => {
    const hit = hits.find((h) => `${h.type}:${h.id}` === key);
    if (!hit) return;
    setValue('');
    combobox.closeDropdown();
    navigate(hitPath(hit));
  };
  return (
    <Combobox store={combobox} onOptionSubmit={open} withinPortal>
      <Combobox.Target>
        <TextInput
          aria-label="Search people, accounts and deals" placeholder="Search people, accounts, deals…" w={{ base: 180, sm: 340 }}
          value={value} rightSection={search.isFetching ? <Loader size="xs" /> : null}
          onChange={(e) => { setValue(e.currentTarget.value); combobox.openDropdown(); combobox.updateSelectedOptionIndex(); }}
          onFocus={() => combobox.openDropdown()} onBlur={() => combobox.closeDropdown()}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={debounced.trim().length < 2}>
        <Combobox.Options aria-label="Search results">
          {hits.length === 0 ? <Combobox.Empty>{search.isFetching ? 'Searching…' : 'Nothing found'}</Combobox.Empty> : hits.map((h) => (
            <Combobox.Option value={`${h.type}:${h.id}`} key={`${h.type}:${h.id}`}>
              <Group gap="xs" wrap="nowrap">
                <Text size="xs" c="dimmed" w={56}>{TYPE_LABEL[h.type]}</Text>
                <div><Text size="sm">{h.label}</Text>{h.detail ? <Text size="xs" c="dimmed">{h.detail}</Text> : null}</div>
              </Group>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
