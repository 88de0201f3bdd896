-- Which project is a run of? Parameter: run_id.
SELECT project
FROM runs
WHERE run_id = ?
