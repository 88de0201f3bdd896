-- Which runs came from which imported source? (import recognises a source it has seen, by content)
SELECT project, source_sha256, run_id
FROM runs
WHERE source_sha256 IS NOT NULL
ORDER BY project, source_sha256, run_id
