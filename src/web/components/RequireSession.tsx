import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ApiError } from '../api/client';
import { useSession } from '../api/session';
import { ErrorAlert } from './ErrorAlert';

/** Renders the app for a signed-in user; anyone else goes to the sign-in page and comes back. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Center mih="100vh"><Loader aria-label="Loading" /></Center>;
  if (session.error instanceof ApiError && session.error.status === 401) {
    return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  if (session.error) return <ErrorAlert error={session.error} />;
  return <>{children}</>;
}
