DROP INDEX "person_scores_total_idx";--> statement-breakpoint
ALTER TABLE "person_scores" ADD COLUMN "digest" text;--> statement-breakpoint
-- Room in every page for a score's next version: with no index on a rewritten column, rewriting a
-- score is a HOT update within its page (no index entries, old versions pruned on the page without
-- a vacuum, which PGlite never runs on its own). Applies to pages written from now on.
ALTER TABLE "person_scores" SET (fillfactor = 50);
