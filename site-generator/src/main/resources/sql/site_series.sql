-- Every case's history of the primary metric, case by case, oldest run first. run_index is the run's
-- place in site_runs.sql's order (an integer travels faster than the run id).
-- Sorted by integers (each case's place in benchmark, case key order, then run_index, which is the
-- order of started_at, run_id): sorting two million rows by their text keys took seconds.
-- Parameters: the project, three times.
WITH r AS (
    SELECT run_id, started_at, trigger,
           (row_number() OVER (ORDER BY started_at, run_id) - 1)::INTEGER AS run_index
    FROM runs
    WHERE project = ?
), c AS (
    SELECT benchmark, case_key, (row_number() OVER (ORDER BY benchmark, case_key))::INTEGER AS case_index
    FROM (SELECT DISTINCT benchmark, case_key FROM results
          WHERE project = ? AND metric = 'primary' AND failure IS NULL)
)
SELECT res.case_key, r.run_index, res.score, res.ci_low, res.ci_high
FROM results res
JOIN r ON r.run_id = res.run_id
JOIN c ON c.benchmark = res.benchmark AND c.case_key = res.case_key
WHERE res.project = ?
  AND res.metric = 'primary' AND res.failure IS NULL
  AND r.run_id IN (SELECT run_id FROM history)
ORDER BY c.case_index, r.run_index
