-- Every case's history of the primary metric, case by case, oldest run first. run_index is the run's
-- place in site_runs.sql's order (an integer travels faster than the run id).
WITH r AS (
    SELECT run_id, started_at, trigger,
           (row_number() OVER (ORDER BY started_at, run_id) - 1)::INTEGER AS run_index
    FROM runs
    WHERE project = ?
)
SELECT res.case_key, r.run_index, res.score, res.ci_low, res.ci_high
FROM results res
JOIN r ON r.run_id = res.run_id
WHERE res.project = ?
  AND res.metric = 'primary' AND res.failure IS NULL
  AND r.run_id IN (SELECT run_id FROM history)
ORDER BY res.benchmark, res.case_key, r.started_at, r.run_id
