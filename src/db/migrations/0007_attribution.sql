CREATE TABLE "attribution_disputes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"opened_by" uuid,
	"opened_by_team_id" uuid,
	"claimed_source" text NOT NULL,
	"current_source" text,
	"reason" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"ruled_by" uuid,
	"ruled_source" text,
	"ruling" text,
	"ruled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attribution_disputes_status_check" CHECK ("attribution_disputes"."status" in ('open', 'upheld', 'rejected', 'withdrawn')),
	CONSTRAINT "attribution_disputes_claimed_check" CHECK ("attribution_disputes"."claimed_source" in ('marketing', 'sales', 'partner', 'inside_sales')),
	CONSTRAINT "attribution_disputes_ruled_check" CHECK (("attribution_disputes"."status" in ('open', 'withdrawn')) = ("attribution_disputes"."ruled_at" is null))
);
--> statement-breakpoint
CREATE TABLE "attribution_journeys" (
	"opportunity_id" uuid PRIMARY KEY NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"currency" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"won_at" timestamp with time zone,
	"touches" integer NOT NULL,
	"pipeline_touches" integer NOT NULL,
	"first_touch_id" bigint,
	"lead_creation_touch_id" bigint,
	"opportunity_creation_touch_id" bigint,
	"closed_won_touch_id" bigint,
	"computed_source" text,
	"source" text,
	"influenced" boolean NOT NULL,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"credits" "bytea" NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "attribution_journeys_source_check" CHECK ("attribution_journeys"."source" in ('marketing', 'sales', 'partner', 'inside_sales')),
	CONSTRAINT "attribution_journeys_computed_source_check" CHECK ("attribution_journeys"."computed_source" in ('marketing', 'sales', 'partner', 'inside_sales'))
);
--> statement-breakpoint
CREATE TABLE "attribution_rollups" (
	"model" text NOT NULL,
	"stage" text NOT NULL,
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"month" date NOT NULL,
	"currency" text NOT NULL,
	"credit" double precision NOT NULL,
	"deals" double precision NOT NULL,
	CONSTRAINT "attribution_rollups_model_stage_dimension_key_month_currency_pk" PRIMARY KEY("model","stage","dimension","key","month","currency"),
	CONSTRAINT "attribution_rollups_model_check" CHECK ("attribution_rollups"."model" in ('first_touch', 'lead_creation', 'last_touch', 'linear', 'u_shaped', 'w_shaped', 'full_path', 'time_decay', 'custom', 'markov', 'shapley')),
	CONSTRAINT "attribution_rollups_stage_check" CHECK ("attribution_rollups"."stage" in ('pipeline', 'revenue')),
	CONSTRAINT "attribution_rollups_dimension_check" CHECK ("attribution_rollups"."dimension" in ('channel', 'campaign', 'asset', 'team', 'side'))
);
--> statement-breakpoint
CREATE TABLE "attribution_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"step" text DEFAULT 'starting' NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"data_driven" jsonb,
	"timings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "attribution_runs_status_check" CHECK ("attribution_runs"."status" in ('running', 'completed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "attribution_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"lookback_days" integer DEFAULT 365 NOT NULL,
	"touch_scope" text DEFAULT 'contact_roles' NOT NULL,
	"half_life_days" double precision DEFAULT 7 NOT NULL,
	"custom_weights" jsonb DEFAULT '{"ft":25,"lc":25,"oc":25,"cw":15,"between":10}'::jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attribution_settings_single_check" CHECK ("attribution_settings"."id" = 1),
	CONSTRAINT "attribution_settings_lookback_check" CHECK ("attribution_settings"."lookback_days" between 1 and 3650),
	CONSTRAINT "attribution_settings_half_life_check" CHECK ("attribution_settings"."half_life_days" > 0),
	CONSTRAINT "attribution_settings_scope_check" CHECK ("attribution_settings"."touch_scope" in ('contact_roles', 'account'))
);
--> statement-breakpoint
ALTER TABLE "attribution_disputes" ADD CONSTRAINT "attribution_disputes_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attribution_disputes" ADD CONSTRAINT "attribution_disputes_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attribution_disputes" ADD CONSTRAINT "attribution_disputes_opened_by_team_id_teams_id_fk" FOREIGN KEY ("opened_by_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attribution_disputes" ADD CONSTRAINT "attribution_disputes_ruled_by_users_id_fk" FOREIGN KEY ("ruled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attribution_journeys" ADD CONSTRAINT "attribution_journeys_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attribution_settings" ADD CONSTRAINT "attribution_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attribution_disputes_opportunity_idx" ON "attribution_disputes" USING btree ("opportunity_id","created_at");--> statement-breakpoint
CREATE INDEX "attribution_disputes_status_idx" ON "attribution_disputes" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "attribution_journeys_created_idx" ON "attribution_journeys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "attribution_runs_started_idx" ON "attribution_runs" USING btree ("started_at");--> statement-breakpoint
INSERT INTO "attribution_settings" ("id") VALUES (1) ON CONFLICT DO NOTHING;
