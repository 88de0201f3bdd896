-- Every case's history of the primary metric, case by case, oldest run first.
SELECT res.case_key, res.run_id, res.score, res.ci_low, res.ci_high
FROM results res
JOIN runs r ON r.run_id = res.run_id
WHERE res.project = ? AND r.project = ?
  AND res.metric = 'primary' AND res.failure IS NULL
  AND coalesce(r.trigger, '') <> 'ab'
ORDER BY res.benchmark, res.case_key, r.started_at, r.run_id
