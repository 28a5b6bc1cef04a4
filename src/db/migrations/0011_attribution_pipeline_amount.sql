-- Pipeline credit is worth the deal's amount at creation (docs/attribution.md). Journeys credited
-- before this column existed were credited at the current amount, and the rollups hold that: the
-- column starts there, so an incremental refresh takes out exactly what was put in.
ALTER TABLE "attribution_journeys" ADD COLUMN "pipeline_amount" numeric(14, 2);--> statement-breakpoint
UPDATE "attribution_journeys" SET "pipeline_amount" = "amount";--> statement-breakpoint
ALTER TABLE "attribution_journeys" ALTER COLUMN "pipeline_amount" SET NOT NULL;--> statement-breakpoint
-- No watermark: the next tick of refresh-attribution runs the full recompute, which credits every
-- deal's pipeline at its amount at creation from the audit trail.
DELETE FROM "settings" WHERE "key" = 'attribution.watermark';
