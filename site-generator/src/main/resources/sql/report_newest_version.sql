-- Which version did a project's newest run measure? (the default candidate of a release report)
SELECT version
FROM runs
WHERE project = ? AND version IS NOT NULL
ORDER BY started_at DESC, run_id DESC
LIMIT 1
