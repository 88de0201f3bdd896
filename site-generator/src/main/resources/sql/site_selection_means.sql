-- Weighted sample mean of each case's primary metric on both sides of a comparison; the sides'
-- runs are in the temporary table site_selection(side, run_id). Only cases measured on both sides.
WITH s AS (
    SELECT sel.side, smp.case_key, sum(smp.value * smp.weight) / sum(smp.weight) AS mean,
           sum(smp.weight) AS n
    FROM samples smp
    JOIN site_selection sel ON sel.run_id = smp.run_id
    WHERE smp.project = ? AND smp.metric = 'primary' AND isfinite(smp.value)
    GROUP BY ALL
), c AS (
    SELECT res.case_key, any_value(res.benchmark) AS benchmark, any_value(res.params) AS params,
           any_value(res.unit) AS unit, bool_or(res.higher_is_better) AS higher_is_better
    FROM results res
    JOIN site_selection sel ON sel.run_id = res.run_id
    WHERE res.project = ? AND res.metric = 'primary'
    GROUP BY res.case_key
)
SELECT c.case_key, c.benchmark, c.params, c.unit, c.higher_is_better,
       b.mean AS baseline_mean, k.mean AS candidate_mean, b.n AS baseline_samples, k.n AS candidate_samples
FROM c
JOIN s b ON b.case_key = c.case_key AND b.side = 'baseline'
JOIN s k ON k.case_key = c.case_key AND k.side = 'candidate'
ORDER BY c.benchmark, c.case_key
