-- What did one case and metric measure in each run of a project's history? (oldest first; a history
-- chart). The runs and results of case_series.sql (the view `history`, no failed result, no
-- non-finite score), so a point's position is the series position a change point's index counts in.
SELECT r.run_id, r.version, r.started_at, s.score, s.ci_low, s.ci_high, s.unit
FROM results s
JOIN history r ON r.run_id = s.run_id
WHERE r.project = ? AND s.case_key = ? AND s.metric = ? AND coalesce(s.failure, '') = '' AND isfinite(s.score)
ORDER BY r.started_at, r.run_id
