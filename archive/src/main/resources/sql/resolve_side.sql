-- Which runs of a project (optionally of one suite) can make up a side of a comparison, newest first?
-- The rules that pick among them (latest, previous, last-release, branch:, variant:) are in SideResolver.
-- Parameters: project, suite ('' for every suite), suite again.
SELECT run_id,
       coalesce(version, '') AS version,
       coalesce(trigger, '') AS trigger,
       coalesce(variant, '') AS variant,
       coalesce(branch, '') AS branch,
       started_at
FROM runs
WHERE project = ?
  AND (? = '' OR suite = ?)
ORDER BY started_at DESC, run_id DESC
