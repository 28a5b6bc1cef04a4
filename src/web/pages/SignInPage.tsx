import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import { useSession, useSignIn } from '../api/session';
import { fieldErrors } from '../lib/field-errors';
import { useTitle } from '../lib/use-title';

/** Only same-site paths are followed after signing in (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  useTitle('Sign in');
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const session = useSession();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  if (session.data) return <Navigate to={next} replace />;
  const errors = fieldErrors(signIn.error);
  const problem = signIn.error instanceof ApiError ? signIn.error.problem : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ email, password }, { onSuccess: () => navigate(next, { replace: true }) });
  };
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={380} component="main">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h2">Sign in to Truce</Title>
            <Text size="sm" c="dimmed">One record of truth for sales and marketing.</Text>
            {signIn.error && !Object.keys(errors).length && (
              <Alert color="red" role="alert" title={problem?.code === 'account_locked' ? 'Account locked' : 'Could not sign in'}>
                {signIn.error.message}
              </Alert>
            )}
            <TextInput label="E-mail" type="email" autoComplete="username" required autoFocus value={email}
              onChange={(e) => setEmail(e.currentTarget.value)} error={errors.email} />
            <PasswordInput label="Password" autoComplete="current-password" required value={password}
              onChange={(e) => setPassword(e.currentTarget.value)} error={errors.password} />
            <Button type="submit" loading={signIn.isPending}>Sign in</Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
