-- The history of the cases listed in the temporary table site_wanted (incremental generation).
SELECT res.case_key, res.run_id, res.score, res.ci_low, res.ci_high
FROM results res
JOIN runs r ON r.run_id = res.run_id
JOIN site_wanted w ON w.case_key = res.case_key
WHERE res.project = ? AND r.project = ?
  AND res.metric = 'primary' AND res.failure IS NULL
  AND coalesce(r.trigger, '') <> 'ab'
ORDER BY res.benchmark, res.case_key, r.started_at, r.run_id
