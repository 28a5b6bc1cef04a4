import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useTitle } from '../lib/use-title';

export function NotFoundPage() {
  useTitle('Page not found');
  return <Stack><Title order={2}>Page not found</Title><Text>There is nothing at this address. <Anchor component={Link} to="/people">Go to people</Anchor>.</Text></Stack>;
}
