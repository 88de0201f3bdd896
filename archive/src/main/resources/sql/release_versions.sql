-- Which versions of a project were released (have runs with trigger 'release'), newest first?
SELECT version, min(started_at) AS first_run, count(*) AS runs
FROM runs
WHERE project = ? AND trigger = 'release'
GROUP BY version
ORDER BY first_run DESC
