-- The raw primary-metric samples of one run (the distribution shown on benchmark pages).
SELECT case_key, value, weight
FROM samples
WHERE project = ? AND run_id = ? AND metric = 'primary'
ORDER BY case_key, fork, iteration, value
