-- What did each case of these runs (a suite's newest run, or a report's candidate runs) measure
-- beside its speed? One row per case and run (failed cases left out): the primary score, bytes per second, per-operation percentiles
-- (sample mode only: in other modes the stored percentiles are of iteration scores, not of
-- operations), bytes allocated per operation, peak and mean resident memory and CPU of the
-- measuring JVM. Parameter: the run ids, as a VARCHAR list.
WITH picked AS (
    SELECT DISTINCT unnest(CAST(? AS VARCHAR[])) AS run_id
), latest AS (
    SELECT coalesce(r.suite, '') AS suite, r.run_id
    FROM runs r
    JOIN picked USING (run_id)
)
SELECT l.suite,
       r.run_id,
       r.case_key,
       any_value(r.benchmark) AS benchmark,
       any_value(r.params) AS params,
       any_value(r.mode) AS mode,
       any_value(r.threads) AS threads,
       any_value(r.score) FILTER (WHERE r.metric = 'primary') AS score,
       coalesce(any_value(r.unit) FILTER (WHERE r.metric = 'primary'), '') AS unit,
       any_value(r.sample_count) FILTER (WHERE r.metric = 'primary' AND r.mode = 'sample') AS operations,
       any_value(r.p50) FILTER (WHERE r.metric = 'primary' AND r.mode = 'sample') AS p50,
       any_value(r.p90) FILTER (WHERE r.metric = 'primary' AND r.mode = 'sample') AS p90,
       any_value(r.p95) FILTER (WHERE r.metric = 'primary' AND r.mode = 'sample') AS p95,
       any_value(r.p99) FILTER (WHERE r.metric = 'primary' AND r.mode = 'sample') AS p99,
       any_value(r.p999) FILTER (WHERE r.metric = 'primary' AND r.mode = 'sample') AS p999,
       any_value(r.score) FILTER (WHERE r.metric = 'throughput.bytes') AS bytes_per_second,
       any_value(r.score) FILTER (WHERE r.metric = 'gc.alloc.rate.norm') AS bytes_per_op,
       any_value(r.score) FILTER (WHERE r.metric = 'proc.rss.peak') AS rss_peak,
       any_value(r.score) FILTER (WHERE r.metric = 'proc.rss.mean') AS rss_mean,
       any_value(r.score) FILTER (WHERE r.metric = 'proc.cpu.util') AS cpu_cores
FROM latest l
JOIN results r USING (run_id)
WHERE coalesce(r.failure, '') = ''
GROUP BY l.suite, r.run_id, r.case_key
HAVING any_value(r.score) FILTER (WHERE r.metric = 'primary') IS NOT NULL
ORDER BY l.suite, r.case_key
