ALTER TABLE "people" DROP CONSTRAINT "people_external_id_unique";--> statement-breakpoint
DROP INDEX "people_owner_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "people_external_id_unique" ON "people" USING btree ("external_id") WHERE "people"."external_id" is not null;--> statement-breakpoint
CREATE INDEX "people_owner_idx" ON "people" USING btree ("owner_id") WHERE "people"."owner_id" is not null;