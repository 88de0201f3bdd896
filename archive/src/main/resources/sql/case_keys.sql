-- The cases a project has results for.
SELECT DISTINCT r.case_key
FROM results r
WHERE r.project = ?
ORDER BY r.case_key
