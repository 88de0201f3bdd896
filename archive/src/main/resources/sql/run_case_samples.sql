-- What did each of these runs measure, case by case and metric by metric, fork by fork? As
-- compare_samples.sql, but one row per (run, case, metric), oldest run first, with the JMH settings of
-- the result: the history model needs each run on its own (the run is its top unit of evidence) and
-- pools only runs measured with the candidate's settings.
-- The forks' samples come from the macro fork_samples (fork_samples.sql).
-- Parameters: $1 the run ids, as a VARCHAR list; $2 the version partitions that hold them, or NULL
-- for all (ArchiveDatabase.versionsOf: only those partitions' files are read); $3 the case keys
-- wanted, or NULL for every case (a nightly's history needs only the cases its candidate measured:
-- 20 runs × 200 cases instead of 20 runs × every case of the project).
WITH picked AS (
    SELECT DISTINCT unnest(CAST($1 AS VARCHAR[])) AS run_id
), wanted AS (
    SELECT DISTINCT unnest(CAST($3 AS VARCHAR[])) AS case_key
), forks AS (
    SELECT * FROM fork_samples((SELECT list(run_id) FROM picked), CAST($2 AS VARCHAR[]), CAST($3 AS VARCHAR[]))
)
SELECT r.run_id, r.case_key, r.metric, r.benchmark, r.params, r.mode, coalesce(r.unit, '') AS unit,
       r.higher_is_better, coalesce(r.failure, '') AS failure,
       coalesce(flatten(list(f.fork_values ORDER BY f.fork) FILTER (WHERE f.fork IS NOT NULL)), []) AS "values",
       coalesce(flatten(list(f.fork_weights ORDER BY f.fork) FILTER (WHERE f.fork IS NOT NULL)), []) AS weights,
       coalesce(list(len(f.fork_values) ORDER BY f.fork) FILTER (WHERE f.fork IS NOT NULL), []) AS fork_sizes,
       r.forks || '/' || r.warmup_iterations || '/' || coalesce(r.warmup_time, '') || '/'
           || r.measurement_iterations || '/' || coalesce(r.measurement_time, '') AS settings,
       ru.started_at
FROM results r
JOIN picked USING (run_id)
JOIN runs ru ON ru.run_id = r.run_id
LEFT JOIN forks f ON f.run_id = r.run_id AND f.case_key = r.case_key AND f.metric = r.metric
WHERE (CAST($2 AS VARCHAR[]) IS NULL OR list_contains(CAST($2 AS VARCHAR[]), r.version))
  AND (CAST($3 AS VARCHAR[]) IS NULL OR r.case_key IN (SELECT case_key FROM wanted))
GROUP BY r.run_id, r.case_key, r.metric, r.benchmark, r.params, r.mode, r.unit, r.higher_is_better, r.failure,
         r.forks, r.warmup_iterations, r.warmup_time, r.measurement_iterations, r.measurement_time, ru.started_at
ORDER BY ru.started_at, r.run_id, r.case_key, r.metric
