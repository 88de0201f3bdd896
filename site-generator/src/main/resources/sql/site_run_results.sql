-- Every measured result of one run, all metrics (budgets are checked against the latest run).
SELECT case_key, benchmark, mode, metric, unit, score, p99
FROM results
WHERE project = ? AND run_id = ? AND failure IS NULL
ORDER BY benchmark, case_key, metric
