-- The runs that make up a project's history, in series order (start time, then run id).
-- A/B experiment arms (runs with a variant) are comparisons, not history, and are left out.
SELECT run_id, version, "commit", started_at
FROM runs
WHERE project = ? AND coalesce(variant, '') = ''
ORDER BY started_at, run_id
