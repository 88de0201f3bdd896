-- What did single operations of these runs take, per sample-mode case, fork and iteration? One row
-- per (case, run, fork, iteration) of a measured (not failed) sample-mode case's primary metric:
-- the iteration's histogram buckets (value, count), as JMH recorded them.
-- Parameter: the run ids, as a VARCHAR list.
WITH picked AS (
    SELECT DISTINCT unnest(CAST(? AS VARCHAR[])) AS run_id
), sampled AS (
    SELECT r.run_id, r.case_key
    FROM results r
    JOIN picked USING (run_id)
    WHERE r.metric = 'primary' AND r.mode = 'sample' AND coalesce(r.failure, '') = ''
)
SELECT s.case_key, s.run_id, s.fork, s.iteration,
       list(s.value ORDER BY s.value) AS "values",
       list(s.weight ORDER BY s.value) AS counts
FROM samples s
JOIN sampled USING (run_id, case_key)
WHERE s.metric = 'primary' AND isfinite(s.value) AND s.weight > 0
GROUP BY s.case_key, s.run_id, s.fork, s.iteration
ORDER BY s.case_key, s.run_id, s.fork, s.iteration
