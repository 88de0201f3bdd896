-- What did one run measure, with the labels a metrics system keys its series by? Parameter: run_id.
SELECT r.benchmark, r.params, r.mode, r.metric, coalesce(r.unit, '') AS unit, r.threads,
       r.score, r.score_error, r.p50, r.p90, r.p99, r.p999,
       ru.project, coalesce(ru.version, '') AS version, ru.run_id, coalesce(ru."commit", '') AS "commit",
       coalesce(ru.suite, '') AS suite, epoch_ms(ru.started_at) AS started_ms
FROM results r
JOIN runs ru ON ru.run_id = r.run_id
WHERE r.run_id = ? AND r.score IS NOT NULL
ORDER BY r.case_key, r.metric
