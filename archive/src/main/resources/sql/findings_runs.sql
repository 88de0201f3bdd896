-- The runs a publication's findings rest on (both sides of each comparison), read once: the
-- project, then the run ids joined by line feeds.
SELECT *
FROM runs
WHERE project = ? AND list_contains(string_split(?, chr(10)), run_id)
ORDER BY started_at, run_id
