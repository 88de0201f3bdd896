-- The history of the primary metric of the given cases, case by case, oldest run first. Each row
-- names its case by its place in the caller's list of case keys and its run by its place in
-- site_runs.sql's order (run_index): the caller has read both already, so neither the runs nor the
-- cases are read from the archive again, and integers travel faster than text.
-- Parameters: the history's run ids (history.sql) and their run_index values, the case keys and
-- their places (0, 1, …), the project.
WITH r AS (
    SELECT unnest(?::VARCHAR[]) AS run_id, unnest(?::INTEGER[]) AS run_index
), c AS (
    SELECT unnest(?::VARCHAR[]) AS case_key, unnest(?::INTEGER[]) AS case_index
)
SELECT c.case_index, r.run_index, res.score, res.ci_low, res.ci_high
FROM results res
JOIN r ON r.run_id = res.run_id
JOIN c ON c.case_key = res.case_key
WHERE res.project = ?
  AND res.metric = 'primary' AND res.failure IS NULL
ORDER BY c.case_index, r.run_index
