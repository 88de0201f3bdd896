-- Which runs of a project (optionally of one suite) can make up a side of a comparison, newest first?
-- The rules that pick among them (latest, previous, last-release, recent, branch:, variant:) are in
-- SideResolver. `settings` names the run's JMH settings (forks, warm-up and measurement counts and
-- times of its primary results; several when its benchmarks differ): recent:N pools only runs whose
-- settings are the candidate's. `environment` is the run's named environment (suite configuration) and
-- `machine` what it ran on (CPU model and count, OS, architecture, JVM), for recent:N:same-machine.
-- Parameters: project, suite ('' for every suite), suite again.
WITH run_settings AS (
    -- each run's distinct settings first: a few per run, where the results are thousands
    SELECT DISTINCT run_id, forks, warmup_iterations, warmup_time, measurement_iterations, measurement_time
    FROM results
    WHERE metric = 'primary' AND coalesce(failure, '') = '' -- a crashed case has no settings of its own
), settings AS (
    SELECT run_id,
           array_to_string(list_sort(list_distinct(list(
               forks || ' fork' || CASE WHEN forks = 1 THEN '' ELSE 's' END
               || ' × (' || warmup_iterations || ' × ' || coalesce(warmup_time, '?') || ' warm-up, '
               || measurement_iterations || ' × ' || coalesce(measurement_time, '?') || ')'))), '; ') AS settings
    FROM run_settings
    GROUP BY run_id
)
SELECT r.run_id,
       coalesce(r.version, '') AS version,
       coalesce(r.trigger, '') AS trigger,
       coalesce(r.variant, '') AS variant,
       coalesce(r.branch, '') AS branch,
       r.started_at,
       coalesce(r.suite, '') AS suite,
       coalesce(s.settings, '') AS settings,
       coalesce(r.environment, '') AS environment,
       concat_ws(', ', r.cpu_model, CAST(r.cpu_count AS VARCHAR) || ' CPUs', r.os, r.arch,
                 nullif(concat_ws(' ', r.jvm_vendor, r.jvm_version), '')) AS machine
FROM runs r
LEFT JOIN settings s USING (run_id)
WHERE r.project = ?
  AND (? = '' OR r.suite = ?)
ORDER BY r.started_at DESC, r.run_id DESC
