CREATE TABLE "person_scores" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"model_id" uuid NOT NULL,
	"fit" double precision NOT NULL,
	"engagement" double precision NOT NULL,
	"total" double precision NOT NULL,
	"grade" text NOT NULL,
	"mql_reason" text,
	"explanation" jsonb NOT NULL,
	"scored_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scoring_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"definition" jsonb NOT NULL,
	"notes" text,
	"based_on_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"retired_at" timestamp with time zone,
	CONSTRAINT "scoring_models_status_check" CHECK ("scoring_models"."status" in ('draft', 'published', 'retired'))
);
--> statement-breakpoint
ALTER TABLE "stage_transitions" ADD COLUMN "model_id" uuid;--> statement-breakpoint
ALTER TABLE "person_scores" ADD CONSTRAINT "person_scores_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_scores" ADD CONSTRAINT "person_scores_model_id_scoring_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."scoring_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_models" ADD CONSTRAINT "scoring_models_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_scores_total_idx" ON "person_scores" USING btree ("total");--> statement-breakpoint
CREATE UNIQUE INDEX "scoring_models_version_idx" ON "scoring_models" USING btree ("version");--> statement-breakpoint
CREATE UNIQUE INDEX "scoring_models_live_idx" ON "scoring_models" USING btree ("status") WHERE "scoring_models"."status" = 'published';