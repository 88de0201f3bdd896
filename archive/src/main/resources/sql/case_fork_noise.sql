-- How noisy is one fork of each case? The pooled within-run variance of ln(fork mean) of the
-- primary metric, over every run of the project with two or more forks of the case, and the
-- degrees of freedom it rests on. Parameter: project.
WITH forks AS (
    SELECT run_id, case_key, fork, sum(value * weight) / sum(weight) AS fork_mean
    FROM samples
    WHERE project = ? AND metric = 'primary'
    GROUP BY ALL
), per_run AS (
    SELECT run_id, case_key, count(*) AS n, var_samp(ln(fork_mean)) AS v
    FROM forks
    WHERE fork_mean > 0
    GROUP BY ALL
    HAVING count(*) >= 2
)
SELECT case_key, sum((n - 1) * v) / sum(n - 1) AS log_variance, CAST(sum(n - 1) AS INTEGER) AS df, count(*) AS runs
FROM per_run
GROUP BY case_key
ORDER BY case_key
