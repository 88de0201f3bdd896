-- Where and how did one run of a project measure? (the report's appendix)
SELECT *
FROM runs
WHERE project = ? AND run_id = ?
