-- What did one run measure, per case and metric? Parameter: run_id.
SELECT case_key, benchmark, mode, metric, unit, higher_is_better, threads, score,
       p50, p99, p999
FROM results
WHERE run_id = ? AND score IS NOT NULL
ORDER BY case_key, metric
