-- The history of the cases listed in the temporary table site_wanted (incremental generation);
-- run_index and the order as in site_series.sql. Parameters: the project, three times.
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
JOIN site_wanted w ON w.case_key = res.case_key
WHERE res.project = ?
  AND res.metric = 'primary' AND res.failure IS NULL
  AND r.run_id IN (SELECT run_id FROM history)
ORDER BY c.case_index, r.run_index
