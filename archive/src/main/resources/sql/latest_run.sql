-- Which run is the newest of a project (optionally of one version)? Parameters: project, version ('' = any).
SELECT run_id, version, started_at
FROM runs
WHERE project = ? AND (? = '' OR version = ?) AND coalesce(trigger, '') <> 'confirm'
ORDER BY started_at DESC, run_id DESC
LIMIT 1
