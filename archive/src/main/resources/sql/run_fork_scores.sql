-- The primary metric's iteration scores of one run, by case, fork and iteration (histogram buckets
-- of sample mode are left out: they are latency samples, not iteration scores). Parameter: run_id.
SELECT case_key, fork, iteration, value
FROM samples
WHERE run_id = ? AND metric = 'primary' AND weight = 1
  AND case_key IN (SELECT case_key FROM results WHERE run_id = samples.run_id AND metric = 'primary' AND mode <> 'sample')
ORDER BY case_key, fork, iteration
