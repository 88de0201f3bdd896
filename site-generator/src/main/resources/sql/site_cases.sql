-- Which cases have a history (primary metric, measured, in the runs of the view history), with the unit and
-- direction of their latest run, the id of their newest run (run ids are ULIDs: time-ordered) and a fingerprint that changes whenever a run is added or removed.
SELECT res.case_key,
       any_value(res.benchmark)                                   AS benchmark,
       any_value(res.params)                                      AS params,
       arg_max(res.mode, r.started_at)                            AS mode,
       arg_max(res.unit, r.started_at)                            AS unit,
       arg_max(res.higher_is_better, r.started_at)                AS higher_is_better,
       any_value(res.threads)                                     AS threads,
       count(*)                                                   AS points,
       max(res.run_id)                                            AS last_run_id,
       count(*) || ':' || max(res.run_id) || ':' || bit_xor(hash(res.run_id)) AS fingerprint
FROM results res
JOIN history r ON r.run_id = res.run_id
WHERE res.project = ? AND r.project = ?
  AND res.metric = 'primary' AND res.failure IS NULL
GROUP BY res.case_key
ORDER BY benchmark, res.case_key
