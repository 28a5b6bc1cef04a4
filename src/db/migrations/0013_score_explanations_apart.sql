CREATE TABLE "person_score_explanations" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"explanation" jsonb NOT NULL
);
--> statement-breakpoint
-- Room in every page for an explanation's next version: rewriting one (a touch fired a rule, a new
-- model) is then a HOT update in its page, with no index entry and no table growth on PGlite,
-- which never vacuums (as person_scores, migration 0010).
ALTER TABLE "person_score_explanations" SET (fillfactor = 50);--> statement-breakpoint
ALTER TABLE "person_scores" ALTER COLUMN "explanation" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "person_scores" ADD COLUMN "parts" double precision[];--> statement-breakpoint
ALTER TABLE "person_scores" ADD COLUMN "due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "person_scores" ADD COLUMN "explanation_digest" text;--> statement-breakpoint
ALTER TABLE "person_score_explanations" ADD CONSTRAINT "person_score_explanations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Explanations stored so far (each rule with its points as of scored_at) move as they are; readers
-- return such entries unchanged (explainAt). Their scores have no parts: the next rescore scores
-- them from their touches and stores the time-free form.
INSERT INTO "person_score_explanations" ("person_id", "explanation") SELECT "person_id", "explanation" FROM "person_scores" WHERE "explanation" IS NOT NULL;
