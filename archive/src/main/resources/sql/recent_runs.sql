-- Which are the newest N runs of a project?
SELECT run_id, started_at, version
FROM runs
WHERE project = ?
ORDER BY started_at DESC, run_id DESC
LIMIT ?
