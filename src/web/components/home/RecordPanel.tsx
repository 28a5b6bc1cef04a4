import { Anchor, Card, Group, Loader, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { ErrorAlert } from '../ErrorAlert';

export type PanelColumn<T> = { header: string; cell: (row: T) => ReactNode };

/**
 * One block of a home screen: a titled list read from an API list endpoint (so the same
 * record rules apply), with a link to the full, filterable list.
 */
export function RecordPanel<T extends { id: string | number }>({ title, url, columns, more, empty }: {
  title: string; url: string; columns: PanelColumn<T>[]; more?: string; empty: string;
}) {
  const q = useQuery({ queryKey: ['panel', url], queryFn: () => api<Page<T>>(url) });
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">{title}</Title>
        {more ? <Anchor component={Link} to={more} size="sm">See all</Anchor> : null}
      </Group>
      {q.isPending ? <Loader size="sm" aria-label={`Loading ${title}`} /> : q.error ? <ErrorAlert error={q.error} /> : q.data.data.length === 0 ? (
        <Text size="sm" c="dimmed">{empty}</Text>
      ) : (
        <Table.ScrollContainer minWidth={400}>
          <Table striped highlightOnHover>
            <Table.Thead><Table.Tr>{columns.map((c) => <Table.Th key={c.header}>{c.header}</Table.Th>)}</Table.Tr></Table.Thead>
            <Table.Tbody>
              {q.data.data.map((row) => <Table.Tr key={row.id}>{columns.map((c) => <Table.Td key={c.header}>{c.cell(row)}</Table.Td>)}</Table.Tr>)}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
