-- What did the newest load run of each workload case measure? Load workloads are the cases whose
-- runs have harness 'load'; for each such case, every metric of its newest run (run ids are ULIDs:
-- time-ordered), with the percentiles where the metric has them.
-- Parameters: the project, three times.
WITH newest AS (
    SELECT res.case_key, max(res.run_id) AS run_id
    FROM results res
    JOIN runs r ON r.run_id = res.run_id
    WHERE res.project = ? AND r.project = ? AND r.harness = 'load' AND res.metric = 'primary'
    GROUP BY res.case_key
)
SELECT res.case_key, res.benchmark, res.params, res.metric, coalesce(res.unit, '') AS unit, res.score,
       res.p0, res.p50, res.p90, res.p95, res.p99, res.p999, res.p100, coalesce(res.failure, '') AS failure, res.run_id
FROM results res
JOIN newest n ON n.case_key = res.case_key AND n.run_id = res.run_id
WHERE res.project = ?
ORDER BY res.benchmark, res.case_key, res.metric
