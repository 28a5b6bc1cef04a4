import '@mantine/core/styles.css';
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { ApiError, setSignedOutHandler } from './api/client';
import { RequireSession } from './components/RequireSession';
import { HomePage } from './pages/HomePage';
import { SignInPage } from './pages/SignInPage';
import { Layout } from './components/Layout';
import { NotFoundPage } from './pages/NotFoundPage';

// The first screen (sign-in, home) loads at once; every other page is fetched when first opened.
const AccountPage = lazy(() => import('./pages/AccountPage').then((m) => ({ default: m.AccountPage })));
const AccountsPage = lazy(() => import('./pages/AccountsPage').then((m) => ({ default: m.AccountsPage })));
const CustomFieldsPage = lazy(() => import('./pages/CustomFieldsPage').then((m) => ({ default: m.CustomFieldsPage })));
const FormsPage = lazy(() => import('./pages/FormsPage').then((m) => ({ default: m.FormsPage })));
const ImportPage = lazy(() => import('./pages/ImportPage').then((m) => ({ default: m.ImportPage })));
const PeoplePage = lazy(() => import('./pages/PeoplePage').then((m) => ({ default: m.PeoplePage })));
const PersonPage = lazy(() => import('./pages/PersonPage').then((m) => ({ default: m.PersonPage })));
const OpportunitiesPage = lazy(() => import('./pages/OpportunitiesPage').then((m) => ({ default: m.OpportunitiesPage })));
const CampaignsPage = lazy(() => import('./pages/CampaignsPage').then((m) => ({ default: m.CampaignsPage })));
const TouchpointsPage = lazy(() => import('./pages/TouchpointsPage').then((m) => ({ default: m.TouchpointsPage })));
const OpportunityPage = lazy(() => import('./pages/OpportunityPage').then((m) => ({ default: m.OpportunityPage })));
const CampaignPage = lazy(() => import('./pages/CampaignPage').then((m) => ({ default: m.CampaignPage })));
const ScoringPage = lazy(() => import('./pages/ScoringPage').then((m) => ({ default: m.ScoringPage })));
const UsersPage = lazy(() => import('./pages/admin/UsersPage').then((m) => ({ default: m.UsersPage })));
const ApiKeysPage = lazy(() => import('./pages/admin/ApiKeysPage').then((m) => ({ default: m.ApiKeysPage })));
const StageLabelsPage = lazy(() => import('./pages/admin/StageLabelsPage').then((m) => ({ default: m.StageLabelsPage })));
const WebhooksPage = lazy(() => import('./pages/admin/WebhooksPage').then((m) => ({ default: m.WebhooksPage })));
const QueuePage = lazy(() => import('./pages/QueuePage').then((m) => ({ default: m.QueuePage })));
const RejectionsPage = lazy(() => import('./pages/RejectionsPage').then((m) => ({ default: m.RejectionsPage })));
const AttributionPage = lazy(() => import('./pages/AttributionPage').then((m) => ({ default: m.AttributionPage })));
const CampaignRoiPage = lazy(() => import('./pages/CampaignRoiPage').then((m) => ({ default: m.CampaignRoiPage })));
const WaterfallPage = lazy(() => import('./pages/WaterfallPage').then((m) => ({ default: m.WaterfallPage })));
const ReportCardPage = lazy(() => import('./pages/ReportCardPage').then((m) => ({ default: m.ReportCardPage })));
const QuotasPage = lazy(() => import('./pages/QuotasPage').then((m) => ({ default: m.QuotasPage })));
const GoalPage = lazy(() => import('./pages/GoalPage').then((m) => ({ default: m.GoalPage })));
const AlignmentPage = lazy(() => import('./pages/AlignmentPage').then((m) => ({ default: m.AlignmentPage })));
const AuditPage = lazy(() => import('./pages/admin/AuditPage').then((m) => ({ default: m.AuditPage })));
const RoutingPage = lazy(() => import('./pages/RoutingPage').then((m) => ({ default: m.RoutingPage })));

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
              <Route path="/queue" element={<QueuePage />} />
              <Route path="/handoffs/rejections" element={<RejectionsPage />} />
              <Route path="/people" element={<PeoplePage />} />
              <Route path="/people/:id" element={<PersonPage />} />
              <Route path="/accounts" element={<AccountsPage />} />
              <Route path="/accounts/:id" element={<AccountPage />} />
              <Route path="/opportunities" element={<OpportunitiesPage />} />
              <Route path="/opportunities/:id" element={<OpportunityPage />} />
              <Route path="/campaigns" element={<CampaignsPage />} />
              <Route path="/campaigns/:id" element={<CampaignPage />} />
              <Route path="/waterfall" element={<WaterfallPage />} />
              <Route path="/cards" element={<ReportCardPage />} />
              <Route path="/quotas" element={<QuotasPage />} />
              <Route path="/goal" element={<GoalPage />} />
              <Route path="/alignment" element={<AlignmentPage />} />
              <Route path="/attribution" element={<AttributionPage />} />
              <Route path="/campaign-roi" element={<CampaignRoiPage />} />
              <Route path="/touchpoints" element={<TouchpointsPage />} />
              <Route path="/import" element={<ImportPage />} />
              <Route path="/forms" element={<FormsPage />} />
              <Route path="/settings/custom-fields" element={<CustomFieldsPage />} />
              <Route path="/scoring" element={<ScoringPage />} />
              <Route path="/routing" element={<RoutingPage />} />
              <Route path="/admin/users" element={<UsersPage />} />
              <Route path="/admin/api-keys" element={<ApiKeysPage />} />
              <Route path="/admin/audit" element={<AuditPage />} />
              <Route path="/admin/webhooks" element={<WebhooksPage />} />
              <Route path="/settings/lifecycle-stages" element={<StageLabelsPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
