-- Which are the newest N runs of a project? (A nightly's re-measurement, trigger 'confirm', is part of
-- the run it confirms, not a run of its own.)
SELECT run_id, started_at, version
FROM runs
WHERE project = ? AND coalesce(trigger, '') <> 'confirm'
ORDER BY started_at DESC, run_id DESC
LIMIT ?
