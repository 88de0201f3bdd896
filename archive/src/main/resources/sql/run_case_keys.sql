-- Which cases and metrics did these runs measure, in the order run_case_samples.sql first meets
-- each (the runs oldest first, then case key and metric)? One row per (case, metric, benchmark), from
-- the results alone: a nightly's history loads the samples of the candidate's cases only, and names
-- the others as measured on the history side only from this.
-- Parameters: $1 the run ids, as a VARCHAR list; $2 the version partitions that hold them, or NULL
-- for all (ArchiveDatabase.versionsOf).
WITH ordered AS (
    SELECT run_id, row_number() OVER (ORDER BY started_at, run_id) AS n
    FROM runs
    WHERE list_contains(CAST($1 AS VARCHAR[]), run_id)
)
SELECT r.case_key, r.metric, r.benchmark, min(o.n) AS first
FROM results r
JOIN ordered o USING (run_id)
WHERE CAST($2 AS VARCHAR[]) IS NULL OR list_contains(CAST($2 AS VARCHAR[]), r.version)
GROUP BY r.case_key, r.metric, r.benchmark
ORDER BY first, r.case_key, r.metric, r.benchmark
