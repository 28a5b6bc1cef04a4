CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"manager_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teams_name_unique" UNIQUE("name"),
	CONSTRAINT "teams_kind_check" CHECK ("teams"."kind" in ('marketing', 'sdr', 'sales', 'product', 'exec', 'other'))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"team_id" uuid,
	"manager_id" uuid,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_external_id_unique" UNIQUE("external_id"),
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('admin', 'marketing', 'sdr', 'sales_rep', 'sales_manager', 'product', 'exec')),
	CONSTRAINT "users_email_lower_check" CHECK ("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
CREATE TABLE "account_domains" (
	"domain" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	CONSTRAINT "account_domains_lower_check" CHECK ("account_domains"."domain" = lower("account_domains"."domain"))
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text,
	"name" text NOT NULL,
	"industry" text,
	"employee_count" integer,
	"annual_revenue" numeric(16, 2),
	"country" text,
	"region" text,
	"parent_id" uuid,
	"owner_id" uuid,
	"tier" text,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_external_id_unique" UNIQUE("external_id"),
	CONSTRAINT "accounts_tier_check" CHECK ("accounts"."tier" in ('tier_1', 'tier_2', 'tier_3')),
	CONSTRAINT "accounts_employee_count_check" CHECK ("accounts"."employee_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "free_mail_domains" (
	"domain" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"city" text,
	"country" text,
	"headcount" integer,
	"business_unit" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sites_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text,
	"email" text NOT NULL,
	"first_name" text,
	"last_name" text,
	"title" text,
	"seniority" text,
	"buying_role" text,
	"phone" text,
	"company_name" text,
	"country" text,
	"region" text,
	"consent_status" text DEFAULT 'unknown' NOT NULL,
	"consent_at" timestamp with time zone,
	"consent_source" text,
	"original_source" text,
	"original_channel" text,
	"lifecycle_stage" text DEFAULT 'lead' NOT NULL,
	"owner_id" uuid,
	"account_id" uuid,
	"site_id" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_external_id_unique" UNIQUE("external_id"),
	CONSTRAINT "people_email_unique" UNIQUE("email"),
	CONSTRAINT "people_email_lower_check" CHECK ("people"."email" = lower("people"."email")),
	CONSTRAINT "people_seniority_check" CHECK ("people"."seniority" in ('c_level', 'vp', 'director', 'manager', 'individual', 'student', 'other')),
	CONSTRAINT "people_buying_role_check" CHECK ("people"."buying_role" in ('decision_maker', 'economic_buyer', 'champion', 'influencer', 'user', 'blocker')),
	CONSTRAINT "people_consent_check" CHECK ("people"."consent_status" in ('unknown', 'opted_in', 'opted_out')),
	CONSTRAINT "people_source_check" CHECK ("people"."original_source" in ('marketing', 'sales', 'partner', 'inside_sales')),
	CONSTRAINT "people_channel_check" CHECK ("people"."original_channel" in ('web', 'email', 'paid_search', 'organic_search', 'social', 'event', 'webinar', 'content', 'direct_sales', 'partner', 'referral', 'other')),
	CONSTRAINT "people_stage_check" CHECK ("people"."lifecycle_stage" in ('subscriber', 'lead', 'mql', 'sal', 'sql', 'opportunity', 'customer', 'evangelist', 'recycled', 'disqualified'))
);
--> statement-breakpoint
CREATE TABLE "stage_transitions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stage_transitions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"reason" text,
	"is_reentry" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stage_transitions_to_check" CHECK ("stage_transitions"."to_stage" in ('subscriber', 'lead', 'mql', 'sal', 'sql', 'opportunity', 'customer', 'evangelist', 'recycled', 'disqualified')),
	CONSTRAINT "stage_transitions_from_check" CHECK ("stage_transitions"."from_stage" in ('subscriber', 'lead', 'mql', 'sal', 'sql', 'opportunity', 'customer', 'evangelist', 'recycled', 'disqualified'))
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"channel" text NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"budget" numeric(14, 2),
	"actual_cost" numeric(14, 2),
	"currency" text DEFAULT 'USD' NOT NULL,
	"owner_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_external_id_unique" UNIQUE("external_id"),
	CONSTRAINT "campaigns_type_check" CHECK ("campaigns"."type" in ('webinar', 'trade_show', 'field_event', 'content', 'email', 'paid_search', 'paid_social', 'seo', 'partner', 'direct_mail', 'outbound', 'other')),
	CONSTRAINT "campaigns_channel_check" CHECK ("campaigns"."channel" in ('web', 'email', 'paid_search', 'organic_search', 'social', 'event', 'webinar', 'content', 'direct_sales', 'partner', 'referral', 'other')),
	CONSTRAINT "campaigns_dates_check" CHECK ("campaigns"."ends_on" is null or "campaigns"."starts_on" is null or "campaigns"."ends_on" >= "campaigns"."starts_on"),
	CONSTRAINT "campaigns_money_check" CHECK (coalesce("campaigns"."budget", 0) >= 0 and coalesce("campaigns"."actual_cost", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "touchpoints" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "touchpoints_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"external_id" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"person_id" uuid,
	"account_id" uuid,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"campaign_id" uuid,
	"asset" text,
	"side" text NOT NULL,
	"properties" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"corrects_id" bigint,
	"retracted" boolean DEFAULT false NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "touchpoints_external_id_unique" UNIQUE("external_id"),
	CONSTRAINT "touchpoints_channel_check" CHECK ("touchpoints"."channel" in ('web', 'email', 'paid_search', 'organic_search', 'social', 'event', 'webinar', 'content', 'direct_sales', 'partner', 'referral', 'other')),
	CONSTRAINT "touchpoints_kind_check" CHECK ("touchpoints"."kind" in ('page_view', 'form_submit', 'content_download', 'email_sent', 'email_open', 'email_click', 'email_unsubscribe', 'webinar_registered', 'webinar_attended', 'event_registered', 'event_attended', 'badge_scan', 'demo_request', 'contact_sales', 'trial_signup', 'ad_click', 'social_engagement', 'chat', 'meeting', 'call', 'sales_email', 'linkedin_message', 'referral', 'partner_registration', 'other')),
	CONSTRAINT "touchpoints_side_check" CHECK ("touchpoints"."side" in ('marketing', 'sales', 'partner'))
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"amount" numeric(14, 2) DEFAULT 0 NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"stage" text DEFAULT 'discovery' NOT NULL,
	"owner_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"close_date" date,
	"closed_at" timestamp with time zone,
	"is_won" boolean,
	"lost_reason" text,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunities_external_id_unique" UNIQUE("external_id"),
	CONSTRAINT "opportunities_stage_check" CHECK ("opportunities"."stage" in ('discovery', 'qualification', 'solution', 'proposal', 'negotiation', 'closed_won', 'closed_lost')),
	CONSTRAINT "opportunities_amount_check" CHECK ("opportunities"."amount" >= 0),
	CONSTRAINT "opportunities_currency_check" CHECK ("opportunities"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "opportunities_closed_check" CHECK (("opportunities"."is_won" is null) = ("opportunities"."closed_at" is null))
);
--> statement-breakpoint
CREATE TABLE "opportunity_contacts" (
	"opportunity_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "opportunity_contacts_opportunity_id_person_id_pk" PRIMARY KEY("opportunity_id","person_id"),
	CONSTRAINT "opportunity_contacts_role_check" CHECK ("opportunity_contacts"."role" in ('decision_maker', 'economic_buyer', 'champion', 'influencer', 'user', 'blocker'))
);
--> statement-breakpoint
CREATE TABLE "forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'form_submit' NOT NULL,
	"campaign_id" uuid,
	"asset" text,
	"allowed_origins" text[] DEFAULT '{}' NOT NULL,
	"redirect_url" text,
	"success_message" text DEFAULT 'Thank you, we will be in touch.' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forms_key_unique" UNIQUE("key"),
	CONSTRAINT "forms_kind_check" CHECK ("forms"."kind" in ('page_view', 'form_submit', 'content_download', 'email_sent', 'email_open', 'email_click', 'email_unsubscribe', 'webinar_registered', 'webinar_attended', 'event_registered', 'event_attended', 'badge_scan', 'demo_request', 'contact_sales', 'trial_signup', 'ad_click', 'social_engagement', 'chat', 'meeting', 'call', 'sales_email', 'linkedin_message', 'referral', 'partner_registration', 'other'))
);
--> statement-breakpoint
CREATE TABLE "import_errors" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_errors_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"import_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"field" text,
	"code" text NOT NULL,
	"message" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"file_name" text,
	"status" text DEFAULT 'running' NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_ok" integer DEFAULT 0 NOT NULL,
	"rows_failed" integer DEFAULT 0 NOT NULL,
	"mapping" jsonb,
	"error" text,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "imports_kind_check" CHECK ("imports"."kind" in ('people', 'accounts', 'opportunities', 'touchpoints', 'badge_scans')),
	CONSTRAINT "imports_status_check" CHECK ("imports"."status" in ('running', 'completed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "audit_log_actor_check" CHECK ("audit_log"."actor_type" in ('user', 'api_key', 'system', 'import', 'form'))
);
--> statement-breakpoint
CREATE TABLE "custom_field_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity" text NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"type" text NOT NULL,
	"options" text[],
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "custom_field_definitions_entity_key" UNIQUE("entity","key"),
	CONSTRAINT "custom_field_definitions_entity_check" CHECK ("custom_field_definitions"."entity" in ('person', 'account', 'opportunity')),
	CONSTRAINT "custom_field_definitions_type_check" CHECK ("custom_field_definitions"."type" in ('text', 'number', 'date', 'boolean', 'picklist'))
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_domains" ADD CONSTRAINT "account_domains_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_parent_id_accounts_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_transitions" ADD CONSTRAINT "stage_transitions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_corrects_id_touchpoints_id_fk" FOREIGN KEY ("corrects_id") REFERENCES "public"."touchpoints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_contacts" ADD CONSTRAINT "opportunity_contacts_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_contacts" ADD CONSTRAINT "opportunity_contacts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forms" ADD CONSTRAINT "forms_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_errors" ADD CONSTRAINT "import_errors_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_domains_account_idx" ON "account_domains" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "accounts_parent_idx" ON "accounts" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "accounts_owner_idx" ON "accounts" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "accounts_name_idx" ON "accounts" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "sites_account_idx" ON "sites" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "people_account_idx" ON "people" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "people_owner_idx" ON "people" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "people_stage_idx" ON "people" USING btree ("lifecycle_stage");--> statement-breakpoint
CREATE INDEX "people_created_idx" ON "people" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "stage_transitions_person_idx" ON "stage_transitions" USING btree ("person_id","occurred_at");--> statement-breakpoint
CREATE INDEX "stage_transitions_stage_idx" ON "stage_transitions" USING btree ("to_stage","occurred_at");--> statement-breakpoint
CREATE INDEX "campaigns_owner_idx" ON "campaigns" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "touchpoints_person_idx" ON "touchpoints" USING btree ("person_id","occurred_at");--> statement-breakpoint
CREATE INDEX "touchpoints_account_idx" ON "touchpoints" USING btree ("account_id","occurred_at");--> statement-breakpoint
CREATE INDEX "touchpoints_campaign_idx" ON "touchpoints" USING btree ("campaign_id") WHERE "touchpoints"."campaign_id" is not null;--> statement-breakpoint
CREATE INDEX "touchpoints_corrects_idx" ON "touchpoints" USING btree ("corrects_id") WHERE "touchpoints"."corrects_id" is not null;--> statement-breakpoint
CREATE INDEX "touchpoints_occurred_idx" ON "touchpoints" USING btree ("occurred_at","id");--> statement-breakpoint
CREATE INDEX "opportunities_account_idx" ON "opportunities" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "opportunities_owner_idx" ON "opportunities" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "opportunities_created_idx" ON "opportunities" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "opportunity_contacts_person_idx" ON "opportunity_contacts" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "import_errors_import_idx" ON "import_errors" USING btree ("import_id","row_number");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");