import type { App, AppDeps } from '../app.js';
import { registerActivityRoutes } from './activities.routes.js';
import { registerApiKeyRoutes } from './api-keys.routes.js';
import { registerAuthRoutes } from './auth.routes.js';
import { registerReportingRoutes } from './reporting.routes.js';
import { registerSavedViewRoutes } from './saved-views.routes.js';
import { registerSearchRoutes } from './search.routes.js';
import { registerAccountRoutes } from './accounts.routes.js';
import { registerAuditRoutes } from './audit.routes.js';
import { registerCampaignRoutes } from './campaigns.routes.js';
import { registerCustomFieldRoutes } from './custom-fields.routes.js';
import { registerFormRoutes } from './forms.routes.js';
import { registerImportRoutes } from './imports.routes.js';
import { registerOpportunityRoutes } from './opportunities.routes.js';
import { registerPeopleRoutes } from './people.routes.js';
import { registerPublicFormRoutes } from './public-forms.routes.js';
import { registerTouchpointRoutes } from './touchpoints.routes.js';
import { registerUserRoutes } from './users.routes.js';

export function registerRoutes(app: App, deps: AppDeps): void {
  registerAuthRoutes(app, deps);
  registerApiKeyRoutes(app);
  registerSearchRoutes(app);
  registerPeopleRoutes(app);
  registerAccountRoutes(app);
  registerTouchpointRoutes(app, deps);
  registerActivityRoutes(app);
  registerOpportunityRoutes(app);
  registerCampaignRoutes(app);
  registerUserRoutes(app);
  registerCustomFieldRoutes(app);
  registerFormRoutes(app);
  registerImportRoutes(app);
  registerAuditRoutes(app);
  registerReportingRoutes(app);
  registerSavedViewRoutes(app);
  registerPublicFormRoutes(app, deps);
}
