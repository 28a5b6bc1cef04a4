CREATE TABLE "qualifications" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"timing" text,
	"need" text,
	"budget" text,
	"authority" text,
	"ready" boolean DEFAULT false NOT NULL,
	"willing" boolean DEFAULT false NOT NULL,
	"able" boolean DEFAULT false NOT NULL,
	"notes" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "qualifications" ADD CONSTRAINT "qualifications_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualifications" ADD CONSTRAINT "qualifications_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;