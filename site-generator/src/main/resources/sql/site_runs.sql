-- Every run of a project, oldest first, as the runs table holds it (the runs page and every chart's
-- x-axis), and whether it is part of the history (the view defined in history.sql).
SELECT *, run_id IN (SELECT run_id FROM history) AS in_history
FROM runs
WHERE project = ?
ORDER BY started_at, run_id
