-- What did one run measure, per case and metric? Parameters: $1 the run id; $2 the version partitions
-- that hold it, or NULL for all (ArchiveDatabase.versionsOf: only those partitions' files are read).
SELECT case_key, benchmark, mode, metric, unit, higher_is_better, threads, score,
       p50, p99, p999
FROM results
WHERE run_id = $1 AND score IS NOT NULL
  AND (CAST($2 AS VARCHAR[]) IS NULL OR list_contains(CAST($2 AS VARCHAR[]), version))
ORDER BY case_key, metric
