-- Which versions does a project have, in the order they were last measured? (newest first)
SELECT version, max(started_at) AS last_run, count(*) AS runs
FROM runs
WHERE project = ?
GROUP BY version
ORDER BY last_run DESC, version DESC
