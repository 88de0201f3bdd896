-- The runs that make up a project's history (the view defined in history.sql), in series order
-- (start time, then run id).
SELECT run_id, version, "commit", started_at
FROM history
WHERE project = ?
ORDER BY started_at, run_id
