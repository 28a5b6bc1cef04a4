-- The waterfall's episodes (funnel_episodes) follow the lifecycle history: after every INSERT into
-- stage_transitions, the episodes of the people it touched are rebuilt from their whole history
-- (set-based, over the statement's transition table), so out-of-order inserts (imports of old
-- history) land right too. A pass starts at a person's first transition and at every later
-- re-entry (is_reentry); ranks: subscriber 0 … evangelist 7 (src/domain/reporting/waterfall.ts).
CREATE FUNCTION truce_rebuild_funnel_episodes(person_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM funnel_episodes WHERE person_id = ANY(person_ids);
  INSERT INTO funnel_episodes (person_id, episode, started_at, subscriber_at, lead_at, mql_at, sal_at, sql_at,
    opportunity_at, customer_at, evangelist_at, first_rank, last_rank)
  SELECT person_id, episode, min(occurred_at),
    min(occurred_at) FILTER (WHERE to_stage = 'subscriber'), min(occurred_at) FILTER (WHERE to_stage = 'lead'),
    min(occurred_at) FILTER (WHERE to_stage = 'mql'), min(occurred_at) FILTER (WHERE to_stage = 'sal'),
    min(occurred_at) FILTER (WHERE to_stage = 'sql'), min(occurred_at) FILTER (WHERE to_stage = 'opportunity'),
    min(occurred_at) FILTER (WHERE to_stage = 'customer'), min(occurred_at) FILTER (WHERE to_stage = 'evangelist'),
    min(rank), max(rank)
  FROM (
    SELECT person_id, to_stage, occurred_at, rank,
      sum(CASE WHEN is_reentry AND n > 1 THEN 1 ELSE 0 END) OVER (PARTITION BY person_id ORDER BY occurred_at, id) AS episode
    FROM (
      SELECT st.person_id, st.to_stage, st.occurred_at, st.id, st.is_reentry,
        array_position(ARRAY['subscriber','lead','mql','sal','sql','opportunity','customer','evangelist'], st.to_stage) - 1 AS rank,
        row_number() OVER (PARTITION BY st.person_id ORDER BY st.occurred_at, st.id) AS n
      FROM stage_transitions st WHERE st.person_id = ANY(person_ids)
    ) numbered
  ) t
  GROUP BY person_id, episode;
$$;
--> statement-breakpoint
CREATE FUNCTION truce_stage_transition_funnel() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM truce_rebuild_funnel_episodes(ARRAY(SELECT DISTINCT person_id FROM new_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stage_transitions_funnel AFTER INSERT ON stage_transitions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION truce_stage_transition_funnel();
--> statement-breakpoint
SELECT truce_rebuild_funnel_episodes(ARRAY(SELECT DISTINCT person_id FROM stage_transitions));
