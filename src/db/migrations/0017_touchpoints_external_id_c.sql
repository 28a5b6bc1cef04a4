-- touchpoints.external_id compares byte-wise (COLLATE "C"): its unique index is checked for every
-- captured touch, and with the database's locale (C.UTF-8, en_US…) each comparison went through
-- strcoll on copies of both strings. Equality is unchanged (both collations are deterministic), so
-- the same external ids are the same touch; only an ORDER BY external_id would sort differently.
-- Rebuilds the unique index (drizzle does not model collations: the schema says it in a comment).
-- The view over the column is dropped and created again as it was (0001's t.*, expanded).
DROP VIEW effective_touchpoints;
--> statement-breakpoint
ALTER TABLE touchpoints ALTER COLUMN external_id TYPE text COLLATE "C";
--> statement-breakpoint
CREATE VIEW effective_touchpoints AS
  SELECT t.id, t.external_id, t.occurred_at, t.person_id, t.account_id, t.channel, t.kind, t.campaign_id, t.asset,
    t.side, t.properties, t.corrects_id, t.retracted, t.recorded_by, t.created_at
  FROM touchpoints t
  WHERE NOT t.retracted
    AND NOT EXISTS (SELECT 1 FROM touchpoints c WHERE c.corrects_id = t.id);
