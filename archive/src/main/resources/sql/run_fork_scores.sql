-- The primary metric's iteration scores of one run, by case, fork and iteration (histogram buckets
-- of sample mode are left out: they are latency samples, not iteration scores). Parameters: $1 the
-- run id; $2 the version partitions that hold it, or NULL for all (ArchiveDatabase.versionsOf: only
-- those partitions' files are read, instead of every sample of the archive).
WITH scored AS (
    SELECT DISTINCT case_key
    FROM results
    WHERE run_id = $1 AND metric = 'primary' AND mode <> 'sample'
      AND (CAST($2 AS VARCHAR[]) IS NULL OR list_contains(CAST($2 AS VARCHAR[]), version))
)
SELECT case_key, fork, iteration, value
FROM samples
WHERE run_id = $1 AND metric = 'primary' AND weight = 1
  AND (CAST($2 AS VARCHAR[]) IS NULL OR list_contains(CAST($2 AS VARCHAR[]), version))
  AND case_key IN (SELECT case_key FROM scored)
ORDER BY case_key, fork, iteration
