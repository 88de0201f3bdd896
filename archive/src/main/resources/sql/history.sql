-- The one definition of a project's history, as the view `history` of every archive database: the
-- runs that make up the series the analyses, the site and the reports show. A/B experiment arms
-- (trigger 'ab') and configuration variants (runs with a variant) are comparisons, not history;
-- profiled runs (trigger 'profile') carry the profiler's overhead and are kept for their recordings.
CREATE VIEW history AS
SELECT *
FROM runs
WHERE coalesce(trigger, '') NOT IN ('ab', 'profile') AND coalesce(variant, '') = ''
