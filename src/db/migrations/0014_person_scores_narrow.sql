ALTER TABLE "person_scores" DROP COLUMN "explanation";--> statement-breakpoint
-- Rewrite the table now (a USING expression forces it): rows lose the dropped explanation's bytes
-- and pages get the fillfactor's room, instead of waiting for every row to be rewritten.
ALTER TABLE "person_scores" ALTER COLUMN "fit" TYPE double precision USING "fit" + 0;
