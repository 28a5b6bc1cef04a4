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
-- 2. A score whose grade changes is a `person.score_changed` event (rescoring that changes nothing says
--    nothing). A row trigger with a WHEN clause: unchanged rows cost nothing (no transition tables).
CREATE FUNCTION truce_score_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO events (type, subject_type, subject_id, occurred_at, data)
  VALUES ('person.score_changed', 'person', NEW.person_id, NEW.scored_at,
    jsonb_build_object('personId', NEW.person_id, 'modelId', NEW.model_id, 'grade', NEW.grade, 'previousGrade', OLD.grade,
      'fit', NEW.fit, 'engagement', NEW.engagement, 'total', NEW.total, 'previousTotal', OLD.total));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER person_scores_events AFTER UPDATE ON person_scores
  FOR EACH ROW WHEN (OLD.grade IS DISTINCT FROM NEW.grade) EXECUTE FUNCTION truce_score_event();
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
