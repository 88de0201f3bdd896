-- The one definition of "the samples of these runs, fork by fork", as the table macro
-- `fork_samples(run_ids)` of every archive database (compare_samples.sql and run_case_samples.sql
-- read it). One row per (run, case, metric, fork): its iteration scores in iteration order (for JMH
-- sample mode the weighted mean of the iteration's histogram buckets) and their weights. Samples that
-- are not finite or carry no weight are left out.
-- versions: the version partitions that hold those runs (ArchiveDatabase.versionsOf), or NULL for all;
-- given as a query parameter, DuckDB reads only those partitions' files instead of every sample.
-- case_keys: the cases wanted, or NULL for every case of the runs; kept out before the samples are
-- grouped (a filter on the macro's output is not pushed through its aggregations).
CREATE MACRO fork_samples(run_ids, versions, case_keys) AS TABLE
WITH iterations AS (
    SELECT s.run_id, s.case_key, s.metric, s.fork, s.iteration,
           sum(s.value * s.weight) / sum(s.weight) AS value,
           sum(s.weight) AS weight
    FROM samples s
    WHERE (versions IS NULL OR list_contains(versions, s.version))
      AND list_contains(run_ids, s.run_id) AND isfinite(s.value) AND s.weight > 0
      AND (case_keys IS NULL OR s.case_key IN (SELECT unnest(case_keys)))
    GROUP BY s.run_id, s.case_key, s.metric, s.fork, s.iteration
)
SELECT run_id, case_key, metric, fork,
       list(value ORDER BY iteration) AS fork_values,
       list(weight ORDER BY iteration) AS fork_weights
FROM iterations
GROUP BY run_id, case_key, metric, fork
