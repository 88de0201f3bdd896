-- How much does the archive hold, per project and version?
WITH r AS (
    SELECT project, version, count(*) AS runs, min(started_at) AS first_run, max(started_at) AS last_run
    FROM runs GROUP BY ALL
), c AS (
    SELECT project, version, count(DISTINCT case_key) AS cases, count(*) AS results
    FROM results GROUP BY ALL
), s AS (
    SELECT project, version, count(*) AS samples FROM samples GROUP BY ALL
)
SELECT r.project, r.version, r.runs, coalesce(c.cases, 0) AS cases, coalesce(c.results, 0) AS results,
       coalesce(s.samples, 0) AS samples, r.first_run, r.last_run
FROM r
LEFT JOIN c USING (project, version)
LEFT JOIN s USING (project, version)
ORDER BY r.project, r.version
