-- What did these runs measure, case by case and metric by metric, fork by fork? One row per
-- (case, metric): its description, the first failure (empty when none), and its iteration scores
-- (for JMH sample mode the weighted mean of the iteration's histogram buckets) with their weights,
-- fork after fork in (run, fork, iteration) order, plus each fork's length. A result without samples
-- (a failed case) has empty lists. One row per case rather than per iteration: fetching a million
-- rows of text through JDBC costs seconds, a list of doubles per case does not.
-- The forks' samples come from the macro fork_samples (fork_samples.sql).
-- Parameters: $1 the run ids, as a VARCHAR list; $2 the version partitions that hold them, or NULL
-- for all (ArchiveDatabase.versionsOf: only those partitions' files are read).
WITH picked AS (
    SELECT DISTINCT unnest(CAST($1 AS VARCHAR[])) AS run_id
), forks AS (
    SELECT * FROM fork_samples((SELECT list(run_id) FROM picked), CAST($2 AS VARCHAR[]), CAST(NULL AS VARCHAR[]))
), measured AS (
    SELECT r.case_key, r.metric, r.benchmark, r.params, r.mode, coalesce(r.unit, '') AS unit, r.higher_is_better,
           coalesce(r.failure, '') AS failure, r.run_id, f.fork, f.fork_values, f.fork_weights
    FROM results r
    JOIN picked USING (run_id)
    LEFT JOIN forks f ON f.run_id = r.run_id AND f.case_key = r.case_key AND f.metric = r.metric
    WHERE CAST($2 AS VARCHAR[]) IS NULL OR list_contains(CAST($2 AS VARCHAR[]), r.version)
)
SELECT case_key, metric,
       arg_min(benchmark, run_id) AS benchmark,
       arg_min(params, run_id) AS params,
       arg_min(mode, run_id) AS mode,
       arg_min(unit, run_id) AS unit,
       arg_min(higher_is_better, run_id) AS higher_is_better,
       coalesce(arg_min(failure, run_id) FILTER (WHERE failure <> ''), '') AS failure,
       coalesce(flatten(list(fork_values ORDER BY run_id, fork) FILTER (WHERE fork IS NOT NULL)), []) AS "values",
       coalesce(flatten(list(fork_weights ORDER BY run_id, fork) FILTER (WHERE fork IS NOT NULL)), []) AS weights,
       coalesce(list(len(fork_values) ORDER BY run_id, fork) FILTER (WHERE fork IS NOT NULL), []) AS fork_sizes
FROM measured
GROUP BY case_key, metric
ORDER BY case_key, metric
