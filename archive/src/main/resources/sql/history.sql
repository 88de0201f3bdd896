-- The one definition of a project's history, as the view `history` of every archive database: the
-- runs that make up the series the analyses, the site and the reports show. A/B experiment arms
-- (trigger 'ab') and configuration variants (runs with a variant) are comparisons, not history;
-- profiled runs (trigger 'profile') carry the profiler's overhead and are kept for their recordings;
-- a nightly's re-measurement of what it flagged (trigger 'confirm') is that night a second time.
CREATE VIEW history AS
SELECT *
FROM runs
WHERE coalesce(trigger, '') NOT IN ('ab', 'profile', 'confirm') AND coalesce(variant, '') = ''
