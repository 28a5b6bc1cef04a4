import '@mantine/core/styles.css';
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { ApiError, setSignedOutHandler } from './api/client';
import { RequireSession } from './components/RequireSession';
import { HomePage } from './pages/HomePage';
import { SignInPage } from './pages/SignInPage';
import { Layout } from './components/Layout';
import { AccountPage } from './pages/AccountPage';
import { AccountsPage } from './pages/AccountsPage';
import { CustomFieldsPage } from './pages/CustomFieldsPage';
import { FormsPage } from './pages/FormsPage';
import { ImportPage } from './pages/ImportPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PeoplePage } from './pages/PeoplePage';
import { PersonPage } from './pages/PersonPage';
import { OpportunitiesPage } from './pages/OpportunitiesPage';
import { CampaignsPage } from './pages/CampaignsPage';
import { TouchpointsPage } from './pages/TouchpointsPage';
import { OpportunityPage } from './pages/OpportunityPage';
import { CampaignPage } from './pages/CampaignPage';
import { UsersPage } from './pages/admin/UsersPage';
import { ApiKeysPage } from './pages/admin/ApiKeysPage';
import { AuditPage } from './pages/admin/AuditPage';

// A 4xx will not get better by asking again; a network blip or a 5xx may.
const retry = (failures: number, error: unknown) => failures < 1 && !(error instanceof ApiError && error.status < 500);
const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 15_000, retry, refetchOnWindowFocus: false } } });
// A 401 anywhere means the session ended (expired, signed out elsewhere): ask who we are again,
// which sends the user to the sign-in page.
setSignedOutHandler((path) => {
  if (path !== '/api/v1/auth/session' && path !== '/api/v1/auth/sign-in') void queryClient.invalidateQueries({ queryKey: ['session'] });
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Routes>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route element={<RequireSession><Layout /></RequireSession>}>
              <Route index element={<HomePage />} />
              <Route path="/people" element={<PeoplePage />} />
              <Route path="/people/:id" element={<PersonPage />} />
              <Route path="/accounts" element={<AccountsPage />} />
              <Route path="/accounts/:id" element={<AccountPage />} />
              <Route path="/opportunities" element={<OpportunitiesPage />} />
              <Route path="/opportunities/:id" element={<OpportunityPage />} />
              <Route path="/campaigns" element={<CampaignsPage />} />
              <Route path="/campaigns/:id" element={<CampaignPage />} />
              <Route path="/touchpoints" element={<TouchpointsPage />} />
              <Route path="/import" element={<ImportPage />} />
              <Route path="/forms" element={<FormsPage />} />
              <Route path="/settings/custom-fields" element={<CustomFieldsPage />} />
              <Route path="/admin/users" element={<UsersPage />} />
              <Route path="/admin/api-keys" element={<ApiKeysPage />} />
              <Route path="/admin/audit" element={<AuditPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
