-- The outbox is filled in the same transaction as the change it reports.
-- 1. Every stage transition is a `person.stage_changed` event, and a move to MQL also a `person.mql`
--    event (set-based: one statement trigger per INSERT, over its transition table).
CREATE FUNCTION truce_stage_transition_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO events (type, subject_type, subject_id, occurred_at, data)
  SELECT e.type, 'person', n.person_id, n.occurred_at,
         jsonb_build_object('personId', n.person_id, 'from', n.from_stage, 'to', n.to_stage,
           'actorType', n.actor_type, 'actorId', n.actor_id, 'reason', n.reason,
           'isReentry', n.is_reentry, 'modelId', n.model_id, 'transitionId', n.id)
  FROM new_rows n
  CROSS JOIN LATERAL (
    SELECT 'person.stage_changed'::text AS type
    UNION ALL SELECT 'person.mql' WHERE n.to_stage = 'mql'
  ) e
  ORDER BY n.id, e.type DESC;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stage_transitions_events AFTER INSERT ON stage_transitions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION truce_stage_transition_events();
--> statement-breakpoint
-- 2. A score whose grade changes is a `person.score_changed` event (rescoring that changes nothing says nothing).
CREATE FUNCTION truce_score_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO events (type, subject_type, subject_id, occurred_at, data)
  SELECT 'person.score_changed', 'person', n.person_id, n.scored_at,
         jsonb_build_object('personId', n.person_id, 'modelId', n.model_id, 'grade', n.grade, 'previousGrade', o.grade,
           'fit', n.fit, 'engagement', n.engagement, 'total', n.total, 'previousTotal', o.total)
  FROM new_rows n JOIN old_rows o ON o.person_id = n.person_id
  WHERE n.grade IS DISTINCT FROM o.grade;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER person_scores_events AFTER UPDATE ON person_scores
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION truce_score_events();
--> statement-breakpoint
-- 3. Each event is fanned out to the active webhook endpoints that want it, in the same transaction.
CREATE FUNCTION truce_event_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO webhook_deliveries (endpoint_id, event_id, next_attempt_at)
  SELECT w.id, n.id, least(n.occurred_at, now())
  FROM new_rows n
  JOIN webhook_endpoints w ON w.active AND (cardinality(w.event_types) = 0 OR n.type = ANY (w.event_types))
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER events_deliveries AFTER INSERT ON events
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION truce_event_deliveries();
