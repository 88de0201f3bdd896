-- Case series of a project: one value per run (the run's score, as the harness reported it: for
-- JMH the mean over all forks and iterations), as lists in run order, with the run's position in
-- history_runs.sql. Failed results and non-finite scores are not part of a series.
-- Parameters: project, project, a case key ('' for every case) twice, and the first run position
-- to include (0 for the whole history; a later one for the runs a previous analysis has not seen).
WITH ordered AS (
    SELECT run_id, row_number() OVER (ORDER BY started_at, run_id) - 1 AS run_index
    FROM history
    WHERE project = ?
)
SELECT r.case_key,
       r.metric,
       arg_max(r.benchmark, o.run_index) AS benchmark,
       arg_max(r.unit, o.run_index) AS unit,
       arg_max(r.higher_is_better, o.run_index) AS higher_is_better,
       list(o.run_index ORDER BY o.run_index) AS run_indexes,
       list(r.score ORDER BY o.run_index) AS scores
FROM results r
JOIN ordered o ON r.run_id = o.run_id
WHERE r.project = ? AND (? = '' OR r.case_key = ?) AND o.run_index >= ?
  AND coalesce(r.failure, '') = '' AND isfinite(r.score)
GROUP BY r.case_key, r.metric
ORDER BY r.case_key, r.metric
