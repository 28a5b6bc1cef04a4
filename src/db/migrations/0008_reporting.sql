CREATE TABLE "alignment_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"side" text NOT NULL,
	"quarter" text NOT NULL,
	"ratings" smallint[] NOT NULL,
	"total" smallint NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "alignment_responses_user_quarter" UNIQUE("user_id","quarter"),
	CONSTRAINT "alignment_responses_side_check" CHECK ("alignment_responses"."side" in ('sales', 'marketing')),
	CONSTRAINT "alignment_responses_ratings_check" CHECK (cardinality("alignment_responses"."ratings") = 20 and 1 <= all("alignment_responses"."ratings") and 5 >= all("alignment_responses"."ratings")),
	CONSTRAINT "alignment_responses_total_check" CHECK ("alignment_responses"."total" between 20 and 100)
);
--> statement-breakpoint
CREATE TABLE "forecast_snapshots" (
	"quarter" text NOT NULL,
	"taken_on" date NOT NULL,
	"currency" text NOT NULL,
	"won" numeric(16, 2) NOT NULL,
	"weighted" numeric(16, 2) NOT NULL,
	"commit" numeric(16, 2) NOT NULL,
	"best_case" numeric(16, 2) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forecast_snapshots_quarter_taken_on_currency_pk" PRIMARY KEY("quarter","taken_on","currency")
);
--> statement-breakpoint
CREATE TABLE "funnel_episodes" (
	"person_id" uuid NOT NULL,
	"episode" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"subscriber_at" timestamp with time zone,
	"lead_at" timestamp with time zone,
	"mql_at" timestamp with time zone,
	"sal_at" timestamp with time zone,
	"sql_at" timestamp with time zone,
	"opportunity_at" timestamp with time zone,
	"customer_at" timestamp with time zone,
	"evangelist_at" timestamp with time zone,
	"first_rank" smallint,
	"last_rank" smallint,
	CONSTRAINT "funnel_episodes_person_id_episode_pk" PRIMARY KEY("person_id","episode")
);
--> statement-breakpoint
CREATE TABLE "quotas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"set_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quotas_user_start" UNIQUE("user_id","starts_on"),
	CONSTRAINT "quotas_amount_check" CHECK ("quotas"."amount" >= 0),
	CONSTRAINT "quotas_dates_check" CHECK ("quotas"."ends_on" >= "quotas"."starts_on"),
	CONSTRAINT "quotas_currency_check" CHECK ("quotas"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "revenue_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"note" text,
	"set_by" uuid,
	"sales_committed_by" uuid,
	"sales_committed_at" timestamp with time zone,
	"marketing_committed_by" uuid,
	"marketing_committed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "revenue_goals_period" UNIQUE("starts_on","currency"),
	CONSTRAINT "revenue_goals_amount_check" CHECK ("revenue_goals"."amount" >= 0),
	CONSTRAINT "revenue_goals_dates_check" CHECK ("revenue_goals"."ends_on" >= "revenue_goals"."starts_on"),
	CONSTRAINT "revenue_goals_currency_check" CHECK ("revenue_goals"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
ALTER TABLE "alignment_responses" ADD CONSTRAINT "alignment_responses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnel_episodes" ADD CONSTRAINT "funnel_episodes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotas" ADD CONSTRAINT "quotas_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotas" ADD CONSTRAINT "quotas_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revenue_goals" ADD CONSTRAINT "revenue_goals_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revenue_goals" ADD CONSTRAINT "revenue_goals_sales_committed_by_users_id_fk" FOREIGN KEY ("sales_committed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revenue_goals" ADD CONSTRAINT "revenue_goals_marketing_committed_by_users_id_fk" FOREIGN KEY ("marketing_committed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alignment_responses_quarter_idx" ON "alignment_responses" USING btree ("quarter");--> statement-breakpoint
CREATE INDEX "funnel_episodes_started_idx" ON "funnel_episodes" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "quotas_period_idx" ON "quotas" USING btree ("starts_on","ends_on");