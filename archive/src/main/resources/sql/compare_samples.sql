-- What did these runs measure, case by case and metric by metric, iteration by iteration?
-- One row per (case, metric, run, fork, iteration): the iteration's score (for JMH sample mode the
-- weighted mean of its histogram buckets) and its weight. A result without samples (a failed case)
-- comes back once with NULL fork. Parameter: the run ids, as a VARCHAR list.
WITH picked AS (
    SELECT DISTINCT unnest(CAST(? AS VARCHAR[])) AS run_id
), iterations AS (
    SELECT s.run_id, s.case_key, s.metric, s.fork, s.iteration,
           sum(s.value * s.weight) / sum(s.weight) AS value,
           sum(s.weight) AS weight
    FROM samples s
    JOIN picked USING (run_id)
    WHERE isfinite(s.value) AND s.weight > 0
    GROUP BY s.run_id, s.case_key, s.metric, s.fork, s.iteration
)
SELECT r.case_key, r.metric, r.benchmark, r.params, r.mode, coalesce(r.unit, '') AS unit, r.higher_is_better,
       coalesce(r.failure, '') AS failure, r.run_id, i.fork, i.iteration, i.value, i.weight
FROM results r
JOIN picked USING (run_id)
LEFT JOIN iterations i ON i.run_id = r.run_id AND i.case_key = r.case_key AND i.metric = r.metric
ORDER BY r.case_key, r.metric, r.run_id, i.fork, i.iteration
