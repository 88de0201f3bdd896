-- What did these runs measure for each case and metric, as the budgets judge it?
-- Scores are averaged over the runs (failed results left out), p99 is the worst of the runs, and
-- the failures are listed. Parameter: the run ids, as a VARCHAR list.
WITH picked AS (
    SELECT DISTINCT unnest(CAST(? AS VARCHAR[])) AS run_id
)
SELECT r.case_key,
       r.metric,
       any_value(r.benchmark) AS benchmark,
       any_value(r.mode) AS mode,
       coalesce(any_value(r.unit), '') AS unit,
       bool_and(r.higher_is_better) AS higher_is_better,
       avg(r.score) FILTER (WHERE r.failure IS NULL AND isfinite(r.score)) AS score,
       max(r.p99) FILTER (WHERE r.failure IS NULL) AS p99,
       coalesce(string_agg(DISTINCT r.failure, '; '), '') AS failure
FROM results r
JOIN picked USING (run_id)
GROUP BY r.case_key, r.metric
ORDER BY r.case_key, r.metric
