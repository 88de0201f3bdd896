-- What did one case and metric measure in each run of a project? (oldest first; a history chart)
SELECT r.run_id, r.version, r.started_at, s.score, s.ci_low, s.ci_high, s.unit
FROM results s
JOIN runs r ON r.run_id = s.run_id
WHERE r.project = ? AND s.case_key = ? AND s.metric = ? AND s.failure IS NULL
ORDER BY r.started_at, r.run_id
